"""The app shell: start-up, window, flow between pages, menus, settings, dialogs, tasks."""
