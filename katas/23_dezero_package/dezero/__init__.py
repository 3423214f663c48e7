"""DeZero, the package (steps 23-32 use the simple core)."""

# TODO(23_dezero_package): export the core's public names and install the operators
