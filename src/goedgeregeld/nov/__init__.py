"""NOV's national overview: a store of merged sync files and the figures drawn from it."""
