"""The --self-test of a bundle or install: the Qt-free steps, then the real main window rendered offscreen."""
