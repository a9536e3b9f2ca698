"""Words of the chain from NOV's root: who counts as a recognised adviser."""

NOT_RECOGNISED_ADVISER = "niet van een erkend adviseur"
"""A review without a valid NOV adviser certificate: verdicts and comments, no readiness."""
NOT_RECOGNISED_EFFECT = "de opmerkingen en oordelen staan hier, een besluit of keurmerk telt niet"
RECOGNISED_ADVISER = "erkend adviseur"
