"""Real processes and servers: the bot as a process, two processes, faults, locks, nginx, a browser."""
