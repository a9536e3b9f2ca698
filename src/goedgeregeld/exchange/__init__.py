"""Files that cross machines: evaluation files, review files and (elsewhere) sync files."""
