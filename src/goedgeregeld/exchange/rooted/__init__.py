"""Documents signed by the NOV root: the one primitive, and the kinds built on it."""
