"""The « Humain » front page: the human face of the network (issue 6)."""
