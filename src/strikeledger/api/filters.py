"""The ledger's filters as query parameters of a route (the definitions: :mod:`strikeledger.filters`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from ..filters import FilterParams, page_filter

FilterQuery = Annotated[FilterParams, Query()]

__all__ = ["FilterParams", "FilterQuery", "page_filter"]
