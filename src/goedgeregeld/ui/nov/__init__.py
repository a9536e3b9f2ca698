"""NOV mode: read a folder of statistics files and show the national overview."""
