"""The ledger's filters as named parameters: one definition for the API, the exports, the pages, the CLI.

``/api/incidents``, ``/api/export.*``, ``/`` and ``strikeledger export --filter`` read the same
names, so a page's URL, its JSON twin, its downloads and a command show the same incidents. An
HTML form submits an empty field as ``name=``; :func:`page_filter` drops those before validating.
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError
from .listing import SORTS, IncidentFilter
from .records import GRADES, REGIONS

class FilterParams(BaseModel):
    """The query parameters that choose which incidents a list or an export shows, and their order."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    region: Literal[REGIONS] | None = Field(None, description="Only this region.")  # type: ignore[valid-type]
    grade: Literal[GRADES] | None = Field(None, description="Only this grade.")  # type: ignore[valid-type]
    date_from: date | None = Field(None, description="Strikes on or after this day.")
    date_to: date | None = Field(None, description="Strikes on or before this day.")
    contradictions: bool | None = Field(
        None, description="true: only incidents whose sources disagree; false: only those that agree.")
    min_outlets: int | None = Field(None, ge=1, description=(
        "Only incidents reported by at least this many independent outlets "
        "(a syndicated copy is its original's outlet)."))
    official: bool | None = Field(None, description=(
        "true: only incidents some source has an official announce; false: only those none does."))
    disputed: bool | None = Field(None, description=(
        "true: only incidents some source contests; false: only those no source contests."))
    language: str | None = Field(None, pattern=r"^([a-z]{2,3})$", description=(
        "Only incidents with a source in this language: an ISO 639-1 code such as en or es "
        "('und': a source whose language could not be determined)."))
    sort: Literal[SORTS] | None = Field(None, description=(  # type: ignore[valid-type]
        "Order by this column; a leading '-' orders descending; rows without a value come last."))

    def where(self) -> IncidentFilter:
        """The library's filter for these parameters."""
        return IncidentFilter(self.region, self.grade, self.date_from, self.date_to, self.contradictions,
                              self.min_outlets, self.official, self.disputed, self.language)

    def query(self, **changes: object) -> str:
        """These parameters as a query string ('' when none is set), with ``changes`` applied."""
        values = {**self.model_dump(), **changes}
        pairs = [(k, _text(v)) for k, v in values.items() if v is not None and v != ""]
        return urlencode(pairs)



def _text(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def page_filter(params: dict[str, str]) -> FilterParams:
    """The filters of a page's query string, empty fields ignored.

    Raises:
        InputError: a parameter is not valid (the message names it and says what it takes).
    """
    try:
        return FilterParams.model_validate({k: v for k, v in params.items() if v != ""})
    except ValidationError as exc:
        problem = exc.errors()[0]
        name = ".".join(str(p) for p in problem.get("loc", ())) or "query"
        raise InputError(name, f"{problem.get('msg', 'invalid')}") from None
