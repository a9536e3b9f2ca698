"""What every screen uses: translation, formatting, settings, dialogs, background tasks, the operations layer and the narrow service protocols."""
