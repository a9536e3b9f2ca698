"""The signed container every exchange file travels in: archive, envelope, keys, limits."""
