"""The organisation's pages: profile, home, filling in, results, action plan, comparison."""
