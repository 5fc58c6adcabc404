"""The catalog: agencies, errand types, outcomes, referral targets, languages.

The catalog is data, not code: offices add, rename and retire entries. A
retired entry (``active`` false) is hidden for new errands and kept for history.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class CatalogEntry:
    """Columns every catalog entry has: a stable code and labels in Swedish and English."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Agency(CatalogEntry, Base):
    """An agency, municipality or region the office serves on behalf of."""

    __tablename__ = "agency"
    __table_args__ = (UniqueConstraint("code"),)

    kind: Mapped[str] = mapped_column(String(20), default="agency")
    errand_types: Mapped[list[ErrandType]] = relationship(
        back_populates="agency", order_by="ErrandType.sort_order"
    )


class ErrandType(CatalogEntry, Base):
    """A kind of errand for one agency (föräldrapenning, personbevis …)."""

    __tablename__ = "errand_type"
    __table_args__ = (UniqueConstraint("agency_id", "code"),)

    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    agency: Mapped[Agency] = relationship(back_populates="errand_types")


class Outcome(CatalogEntry, Base):
    """How an errand ended (resolved here, referred …)."""

    __tablename__ = "outcome"
    __table_args__ = (UniqueConstraint("code"),)

    requires_referral: Mapped[bool] = mapped_column(Boolean, default=False)


class ReferralTarget(CatalogEntry, Base):
    """Where a visitor can be referred on to."""

    __tablename__ = "referral_target"
    __table_args__ = (UniqueConstraint("code"),)


class Language(CatalogEntry, Base):
    """A service language."""

    __tablename__ = "language"
    __table_args__ = (UniqueConstraint("code"),)


class InterpreterKind(CatalogEntry, Base):
    """Whether and how an interpreter took part: none, phone, on site."""

    __tablename__ = "interpreter_kind"
    __table_args__ = (UniqueConstraint("code"),)
