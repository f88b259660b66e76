"""Crisis pages, « Je suis en sécurité » check-ins (issue 7)."""
