"""Resolve: merge strike reports from many articles into ledger incidents.

``build_incidents(reports, articles, claims)`` is deterministic: the same reports give the
same incidents with the same provisional ids, whatever order they arrive in;
``identity.assign`` then gives them the permanent ids of the incidents stored before (see
``identity.py``: an id once published always answers, as itself or through an alias).

Rules (see ``merge.py``):
- reports merge when their dates are at most a day apart, their regions agree (or one is
  unknown), their per-vessel parts agree, and, when the dates differ, their death tolls agree;
- two reports from the same article never merge: one article that reports two strikes means two;
- reports dated only to a week or month join the one incident in their window they fit, or
  stand alone when none fits;
- reports with no date join no incident.
"""

from .merge import build_incidents, killed_figures, summarise

__all__ = ["build_incidents", "killed_figures", "summarise"]
