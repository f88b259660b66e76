"""The crisis safety net: risk detection, helplines, « je m'inquiète pour cette personne » (issue 6)."""
