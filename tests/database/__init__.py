"""Storage: the repositories, the hot path, the SQLite writer, the command line's imports."""
