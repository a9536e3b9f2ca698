"""Work that spans several layers: the Qt-free self-test and the evaluation summary."""
