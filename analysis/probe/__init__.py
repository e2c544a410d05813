"""The probe: the child process that imports a target (stdlib + dash only) and the runner that starts it."""
