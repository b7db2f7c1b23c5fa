"""Registering and signing in: `/auth/register`, `/auth/token`, `/auth/login`, `/auth/me`."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm

from hr.api.deps import CurrentUser, UserServiceDep
from hr.schemas.envelope import Envelope, error_responses
from hr.schemas.UserSchema import (
    Token,
    UserCreate,
    UserLogin,
    UserResponse,
)

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/register", status_code=201, summary="Register", responses=error_responses(409, 422))
async def register(payload: UserCreate, service: UserServiceDep) -> Envelope[UserResponse]:
    """Create an account; 409 when the email already has one."""
    return Envelope(code=201, data=await service.register(payload), message="Created")


# OAuth2's password flow answers with the bare token JSON (RFC 6749 §5.1), which is what
# Swagger's Authorize button and other OAuth2 clients read; `/auth/login` wraps it.
@router.post("/token", summary="Sign in with the OAuth2 form", responses=error_responses(401, 422))
async def token(  # fortress: ignore[FTR407]
    form: Annotated[OAuth2PasswordRequestForm, Depends()], service: UserServiceDep
) -> Token:
    """Exchange `username` (the email) and `password` for a bearer token."""
    return await service.login(form.username, form.password)


@router.post("/login", summary="Sign in", responses=error_responses(401, 422))
async def login(payload: UserLogin, service: UserServiceDep) -> Envelope[Token]:
    """Exchange an email and password for a bearer token."""
    return Envelope(
        code=200, data=await service.login(payload.email, payload.password), message="OK"
    )


@router.get("/me", summary="The signed-in User", responses=error_responses(401))
async def me(user: CurrentUser) -> Envelope[UserResponse]:
    """The User the bearer token belongs to."""
    return Envelope(code=200, data=UserResponse.model_validate(user), message="OK")
