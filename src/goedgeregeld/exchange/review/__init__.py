"""Review files (adviser to organisation): format, writing and importing."""
