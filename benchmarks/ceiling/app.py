"""The ceiling of the stack: the smallest honest FastAPI + SQLAlchemy (async, asyncpg) app
serving what benchmarks/api.py asks of a generated one, written by hand.

    cd benchmarks/ceiling && DATABASE_URL=postgresql+asyncpg://... uvicorn app:app

It reads the tables of the generated project (`items`, public; `notes`, for a signed-in
user; `users`) on the same database, with SQLAlchemy's default pool (5 + 10 overflow, as
the generated app) but no pre-ping, and answers in the same JSON shape through pydantic
response models. Each endpoint opens its session itself: no layers, no dependency
injection but FastAPI's request parsing. A note's endpoints decode the same JWT as the
generated app (PyJWT, HS256, `exp` and `sub` required) and load the user it names, who must
exist and be active, as the generated app does.
"""

import datetime as dt
import os
from typing import Annotated

import jwt
import sqlalchemy as sa
from fastapi import FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine(os.environ["DATABASE_URL"])
Session = async_sessionmaker(engine, expire_on_commit=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "change-me")
app = FastAPI()


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class Row:
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    price: Mapped[int]
    note: Mapped[str | None]
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)


class Item(Row, Base):
    __tablename__ = "items"


class Note(Row, Base):
    __tablename__ = "notes"


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    is_active: Mapped[bool]


class RowIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=120)
    price: int = Field(ge=-2147483648, le=2147483647)
    note: str | None = None


class RowOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    price: int
    note: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class RowEnvelope(BaseModel):
    code: int
    data: RowOut
    message: str


class Page(BaseModel):
    items: list[RowOut]
    next_cursor: str | None


class PageEnvelope(BaseModel):
    code: int
    data: Page
    message: str


async def get_row(session: AsyncSession, model: type[Row], row_id: int) -> RowEnvelope:
    row = await session.get(model, row_id)
    if row is None:
        raise HTTPException(404, "Not found")
    return RowEnvelope(code=200, data=RowOut.model_validate(row), message="OK")


async def list_rows(session: AsyncSession, model: type[Row], limit: int) -> PageEnvelope:
    stmt = sa.select(model).order_by(model.id).limit(limit + 1)
    rows = (await session.scalars(stmt)).all()
    next_cursor = str(rows[limit - 1].id) if len(rows) > limit else None
    items = [RowOut.model_validate(row) for row in rows[:limit]]
    return PageEnvelope(code=200, data=Page(items=items, next_cursor=next_cursor), message="OK")


async def create_row(session: AsyncSession, model: type[Row], payload: RowIn) -> RowEnvelope:
    row = model(**payload.model_dump())
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        raise HTTPException(409, "Conflict") from None
    return RowEnvelope(code=201, data=RowOut.model_validate(row), message="Created")


async def authenticate(session: AsyncSession, authorization: str | None) -> None:
    """401 unless the bearer token is valid and names an active user."""
    scheme, _, token = (authorization or "").partition(" ")
    try:
        if scheme.lower() != "bearer":
            raise jwt.InvalidTokenError
        claims = jwt.decode(
            token, SECRET_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]}
        )
        user = await session.get(User, int(claims["sub"]))
    except (jwt.InvalidTokenError, ValueError):
        user = None
    if user is None or not user.is_active:
        raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})


Limit = Annotated[int, Query(ge=1, le=100)]
Authorization = Annotated[str | None, Header()]


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/v1/items/{item_id}")
async def get_item(item_id: int) -> RowEnvelope:
    async with Session() as session:
        return await get_row(session, Item, item_id)


@app.get("/api/v1/items")
async def list_items(limit: Limit = 20) -> PageEnvelope:
    async with Session() as session:
        return await list_rows(session, Item, limit)


@app.post("/api/v1/items", status_code=201)
async def create_item(payload: RowIn) -> RowEnvelope:
    async with Session() as session:
        return await create_row(session, Item, payload)


@app.get("/api/v1/notes/{note_id}")
async def get_note(note_id: int, authorization: Authorization = None) -> RowEnvelope:
    async with Session() as session:
        await authenticate(session, authorization)
        return await get_row(session, Note, note_id)


@app.get("/api/v1/notes")
async def list_notes(limit: Limit = 20, authorization: Authorization = None) -> PageEnvelope:
    async with Session() as session:
        await authenticate(session, authorization)
        return await list_rows(session, Note, limit)


@app.post("/api/v1/notes", status_code=201)
async def create_note(payload: RowIn, authorization: Authorization = None) -> RowEnvelope:
    async with Session() as session:
        await authenticate(session, authorization)
        return await create_row(session, Note, payload)
