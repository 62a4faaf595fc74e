"""HTTP face and command line of flightgraph."""
