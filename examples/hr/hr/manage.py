"""Administration commands, run beside the service (`--help` lists them):

    python -m hr.manage create-admin admin@example.com

The password is read from ADMIN_PASSWORD when it is set, else asked for on the terminal (or
read from the first line of stdin when that is not a terminal). Registering through the API
never makes an admin; this command is how the first one is made.
"""

import argparse
import asyncio
import getpass
import os
import sys

from pydantic import ValidationError

from hr.core.database import dispose_engine, session_factory
from hr.core.errors import DomainError
from hr.schemas.UserSchema import UserCreate, UserResponse
from hr.services.UserService import UserService

PASSWORD_VARIABLE = "ADMIN_PASSWORD"


async def create_admin(payload: UserCreate) -> UserResponse:
    """Make `payload.email` an admin: a new User, or an existing one promoted."""
    try:
        async with session_factory()() as session:
            return await UserService(session).create_admin(payload)
    finally:
        await dispose_engine()


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code is 0 on success, 1 when it failed, 2 for bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m hr.manage",
        description=__doc__,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-admin", help="create an admin, or promote a User")
    create.add_argument("email", help="the admin's email address")
    arguments = parser.parse_args(argv)

    password = os.environ.get(PASSWORD_VARIABLE) or _read_password()
    try:
        payload = UserCreate(email=arguments.email, password=password)
    except ValidationError as error:
        problems = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in error.errors())
        print(f"error: {problems}", file=sys.stderr)
        return 2
    try:
        user = asyncio.run(create_admin(payload))
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 1
    print(f"{user.email} is an admin (id {user.id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
