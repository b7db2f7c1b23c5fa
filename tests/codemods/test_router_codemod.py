"""`ensure_router_registered` / `remove_router_registration` on `app/api/v1/__init__.py`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from codemod_support import assert_codemod, assert_skipped, assert_unchanged, fixture

from fortress_gen.patch import (
    AlreadyPresent,
    Patched,
    ensure_router_registered,
    remove_router_registration,
)

ORDERS = {"package": "app", "module": "orders"}

TEMPLATE = '''
    """Version 1 of the API; `fortress generate` registers one router per entity here."""

    from fastapi import APIRouter

    api_router = APIRouter()
'''
TEMPLATE_WITH_ORDERS = '''
    """Version 1 of the API; `fortress generate` registers one router per entity here."""

    from fastapi import APIRouter

    from app.api.v1.endpoints import orders

    api_router = APIRouter()
    api_router.include_router(orders.router)
'''
USER_EDITED = '''
    """Doc."""

    from fastapi import APIRouter, Depends

    from app.api.deps import require_user  # auth
    from app.api.v1.endpoints import customers, tags

    api_router = APIRouter(dependencies=[Depends(require_user)])
    # customers first
    api_router.include_router(customers.router)  # keep me
    api_router.include_router(tags.router, prefix="/labels")

    # a closing comment
'''
USER_EDITED_WITH_ORDERS = '''
    """Doc."""

    from fastapi import APIRouter, Depends

    from app.api.deps import require_user  # auth
    from app.api.v1.endpoints import customers, orders, tags

    api_router = APIRouter(dependencies=[Depends(require_user)])
    # customers first
    api_router.include_router(customers.router)  # keep me
    api_router.include_router(tags.router, prefix="/labels")
    api_router.include_router(orders.router)

    # a closing comment
'''


def test_first_registration_in_the_template() -> None:
    assert_codemod(ensure_router_registered, TEMPLATE, TEMPLATE_WITH_ORDERS, **ORDERS)


def test_registration_keeps_user_lines_comments_and_order() -> None:
    assert_codemod(ensure_router_registered, USER_EDITED, USER_EDITED_WITH_ORDERS, **ORDERS)


def test_unsorted_import_names_get_the_new_one_last() -> None:
    assert_codemod(
        ensure_router_registered,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import tags, customers

        api_router = APIRouter()
        api_router.include_router(tags.router)
        api_router.include_router(customers.router)
        """,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import tags, customers, orders

        api_router = APIRouter()
        api_router.include_router(tags.router)
        api_router.include_router(customers.router)
        api_router.include_router(orders.router)
        """,
        **ORDERS,
    )


def test_parenthesized_import_keeps_its_layout_and_comments() -> None:
    assert_codemod(
        ensure_router_registered,
        """
        from fastapi import APIRouter

        from app.api.v1.endpoints import (
            customers,  # the first
            invoices,  # the last
        )

        api_router = APIRouter()
        """,
        """
        from fastapi import APIRouter

        from app.api.v1.endpoints import (
            customers,  # the first
            invoices,  # the last
            orders,
        )

        api_router = APIRouter()
        api_router.include_router(orders.router)
        """,
        **ORDERS,
    )


def test_new_import_sorted_among_first_party_imports() -> None:
    assert_codemod(
        ensure_router_registered,
        """
        import logging

        from fastapi import APIRouter

        from app.api.deps import SessionDep
        from app.core.config import settings

        api_router: APIRouter = APIRouter()
        """,
        """
        import logging

        from fastapi import APIRouter

        from app.api.deps import SessionDep
        from app.api.v1.endpoints import orders
        from app.core.config import settings

        api_router: APIRouter = APIRouter()
        api_router.include_router(orders.router)
        """,
        **ORDERS,
    )


def test_relative_import_is_extended() -> None:
    assert_codemod(
        ensure_router_registered,
        """
        from fastapi import APIRouter
        from .endpoints import customers
        api_router = APIRouter()
        api_router.include_router(customers.router)
        """,
        """
        from fastapi import APIRouter
        from .endpoints import customers, orders
        api_router = APIRouter()
        api_router.include_router(customers.router)
        api_router.include_router(orders.router)
        """,
        **ORDERS,
    )


def test_existing_alias_is_used() -> None:
    assert_codemod(
        ensure_router_registered,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import orders as order_api
        api_router = APIRouter(); api_router.include_router(other.router)
        """,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import orders as order_api
        api_router = APIRouter(); api_router.include_router(other.router)
        api_router.include_router(order_api.router)
        """,
        **ORDERS,
    )


@pytest.mark.parametrize(
    "code",
    [
        TEMPLATE_WITH_ORDERS,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints.orders import router as orders_router
        api_router = APIRouter()
        api_router.include_router(orders_router)
        """,
        """
        import app.api.v1.endpoints.orders
        api_router = APIRouter()
        api_router.include_router(router=app.api.v1.endpoints.orders.router, prefix="/o")
        """,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import orders
        api_router = APIRouter()
        if True:
            api_router.include_router(orders.router)
        """,
    ],
)
def test_any_existing_registration_counts(code: str) -> None:
    assert_unchanged(ensure_router_registered, code, **ORDERS)


def test_syntax_error_is_skipped_with_its_location() -> None:
    assert_skipped(
        ensure_router_registered,
        """
        from fastapi import APIRouter

        api_router = APIRouter(
        """,
        "does not parse",
        **ORDERS,
    )
    result = ensure_router_registered("x = (\n", **ORDERS)
    assert "line 1" in str(result)


def test_missing_api_router_is_skipped() -> None:
    assert_skipped(
        ensure_router_registered,
        """
        from fastapi import APIRouter

        router = APIRouter()
        """,
        "`api_router` is not assigned",
        **ORDERS,
    )


def test_name_taken_by_another_import_is_skipped() -> None:
    assert_skipped(
        ensure_router_registered,
        """
        from fastapi import APIRouter
        from app.legacy import orders
        api_router = APIRouter()
        """,
        "`orders` already names app.legacy.orders",
        **ORDERS,
    )


# --- removal ------------------------------------------------------------------------------


def test_removal_inverts_registration() -> None:
    assert_codemod(remove_router_registration, TEMPLATE_WITH_ORDERS, TEMPLATE, **ORDERS)
    assert_codemod(remove_router_registration, USER_EDITED_WITH_ORDERS, USER_EDITED, **ORDERS)


def test_removal_keeps_comments_and_the_import_of_others() -> None:
    assert_codemod(
        remove_router_registration,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import (
            orders,  # ours
            tags,
        )

        api_router = APIRouter()

        # every entity router
        api_router.include_router(orders.router)
        api_router.include_router(tags.router)
        """,
        """
        from fastapi import APIRouter
        from app.api.v1.endpoints import (
            tags,
        )

        api_router = APIRouter()

        # every entity router
        api_router.include_router(tags.router)
        """,
        **ORDERS,
    )


def test_removal_of_the_last_name_and_of_an_import_still_in_use() -> None:
    assert_codemod(
        remove_router_registration,
        """
        from app.api.v1.endpoints import tags, orders
        api_router = APIRouter()
        api_router.include_router(tags.router); api_router.include_router(orders.router)
        """,
        """
        from app.api.v1.endpoints import tags
        api_router = APIRouter()
        api_router.include_router(tags.router)
        """,
        **ORDERS,
    )
    assert_codemod(
        remove_router_registration,
        """
        from app.api.v1.endpoints import orders
        api_router = APIRouter()
        api_router.include_router(orders.router)
        LEGACY = orders.router
        """,
        """
        from app.api.v1.endpoints import orders
        api_router = APIRouter()
        LEGACY = orders.router
        """,
        **ORDERS,
    )


def test_removal_of_a_registration_inside_a_block_is_skipped() -> None:
    assert_skipped(
        remove_router_registration,
        """
        from app.api.v1.endpoints import orders
        api_router = APIRouter()
        if FEATURE:
            api_router.include_router(orders.router)
        """,
        "inside a block (line 4)",
        **ORDERS,
    )


def test_removal_of_nothing_and_of_broken_files() -> None:
    assert remove_router_registration(fixture(TEMPLATE), **ORDERS) == AlreadyPresent()
    assert_skipped(remove_router_registration, "def f(:\n", "does not parse", **ORDERS)


@pytest.mark.parametrize("source", [TEMPLATE, USER_EDITED])
def test_register_many_then_remove_all(source: str) -> None:
    code = fixture(source)
    for module in ("zebras", "apples", "orders"):
        result = ensure_router_registered(code, package="app", module=module)
        assert isinstance(result, Patched)
        code = result.code
    for module in ("apples", "orders", "zebras"):
        result = remove_router_registration(code, package="app", module=module)
        assert isinstance(result, Patched)
        code = result.code
    assert code == fixture(source)


def test_no_libcst_when_nothing_changes() -> None:
    script = (
        "import sys\n"
        "from fortress_gen.patch import ensure_router_registered\n"
        f"result = ensure_router_registered({fixture(TEMPLATE_WITH_ORDERS)!r}, **{ORDERS!r})\n"
        "assert type(result).__name__ == 'AlreadyPresent', result\n"
        "assert 'libcst' not in sys.modules\n"
    )
    repo = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], cwd=repo, check=True)


def test_append_to_and_remove_from_the_end_of_a_parenthesized_import() -> None:
    before = """
        from app.api.v1.endpoints import (
            customers,
            invoices,  # last one
        )
        api_router = APIRouter()
        """
    after = """
        from app.api.v1.endpoints import (
            customers,
            invoices,  # last one
            zebras,
        )
        api_router = APIRouter()
        api_router.include_router(zebras.router)
        """
    zebras = {"package": "app", "module": "zebras"}
    assert_codemod(ensure_router_registered, before, after, **zebras)
    assert_codemod(remove_router_registration, after, before, **zebras)
