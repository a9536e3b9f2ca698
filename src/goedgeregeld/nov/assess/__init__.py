"""NOV's final assessment: the adviser's package read, granted or refused, and the register."""
