"""The kind-reply guard: who may reply, held replies, screening for hostility (issue 6)."""
