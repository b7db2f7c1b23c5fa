"""`ensure_model_imported` / `remove_model_import` on `app/models/__init__.py`."""

from __future__ import annotations

import pytest
from codemod_support import assert_codemod, assert_skipped, assert_unchanged, fixture

from fortress_gen.patch import (
    AlreadyPresent,
    Patched,
    ensure_model_imported,
    remove_model_import,
)

ORDER = {"package": "app", "module": "Order", "class_name": "Order"}

TEMPLATE = '''
    """Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

    from app.models.base import Base

    __all__ = ["Base"]
'''
TEMPLATE_WITH_ORDER = '''
    """Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

    from app.models.base import Base
    from app.models.Order import Order

    __all__ = ["Base", "Order"]
'''


def test_first_model_in_the_template() -> None:
    assert_codemod(ensure_model_imported, TEMPLATE, TEMPLATE_WITH_ORDER, **ORDER)


def test_pep8_module_and_sorted_multiline_all() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        from app.models.base import Base
        from app.models.customer import Customer  # the first entity
        from app.models.tag import Tag

        __all__ = [
            "Base",
            "Customer",  # ours
            "Tag",
        ]
        """,
        """
        from app.models.base import Base
        from app.models.customer import Customer  # the first entity
        from app.models.order import Order
        from app.models.tag import Tag

        __all__ = [
            "Base",
            "Customer",  # ours
            "Order",
            "Tag",
        ]
        """,
        package="app",
        module="order",
        class_name="Order",
    )


def test_unsorted_all_gets_the_name_last_keeping_the_closing_comment() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        from app.models.base import Base
        from app.models.Zebra import Zebra

        __all__ = [
            "Zebra",
            "Base",  # base last
        ]
        """,
        """
        from app.models.base import Base
        from app.models.Order import Order
        from app.models.Zebra import Zebra

        __all__ = [
            "Zebra",
            "Base",  # base last
            "Order",
        ]
        """,
        **ORDER,
    )


def test_tuple_all_and_single_quotes() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        from app.models.base import Base

        __all__ = ('Base',)
        """,
        """
        from app.models.base import Base
        from app.models.Order import Order

        __all__ = ('Base', 'Order')
        """,
        **ORDER,
    )


def test_missing_all_only_imports() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        # models
        from app.models.base import Base
        """,
        """
        # models
        from app.models.base import Base
        from app.models.Order import Order
        """,
        **ORDER,
    )


def test_computed_all_is_left_alone() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        from app.models.base import Base

        __all__ = [name for name in dir() if not name.startswith("_")]
        """,
        """
        from app.models.base import Base
        from app.models.Order import Order

        __all__ = [name for name in dir() if not name.startswith("_")]
        """,
        **ORDER,
    )


def test_import_present_but_not_exported() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        from .base import Base
        from .Order import Order

        __all__ = ["Base"]
        """,
        """
        from .base import Base
        from .Order import Order

        __all__ = ["Base", "Order"]
        """,
        **ORDER,
    )


def test_empty_file() -> None:
    assert_codemod(
        ensure_model_imported,
        '''
        """Models."""
        ''',
        '''
        """Models."""

        from app.models.Order import Order
        ''',
        **ORDER,
    )


@pytest.mark.parametrize(
    "code",
    [
        TEMPLATE_WITH_ORDER,
        """
        from app.models.Order import Order as OrderModel

        __all__ = ["OrderModel"]
        """,
        """
        from app.models import base
        from .Order import Order
        """,
    ],
)
def test_existing_import_counts(code: str) -> None:
    assert_unchanged(ensure_model_imported, code, **ORDER)


def test_skips() -> None:
    assert_skipped(ensure_model_imported, "from app.models.base import (\n", "line 1", **ORDER)
    assert_skipped(
        ensure_model_imported,
        "from app.legacy import Order\n",
        "`Order` is already imported from app.legacy.Order",
        **ORDER,
    )


# --- removal ------------------------------------------------------------------------------


def test_removal_inverts_the_import() -> None:
    assert_codemod(remove_model_import, TEMPLATE_WITH_ORDER, TEMPLATE, **ORDER)


def test_removal_from_a_multiline_all() -> None:
    assert_codemod(
        remove_model_import,
        """
        from app.models.base import Base
        from app.models.Order import Order
        from app.models.Tag import Tag

        __all__ = [
            "Base",
            "Tag",  # tags
            "Order",
        ]
        """,
        """
        from app.models.base import Base
        from app.models.Tag import Tag

        __all__ = [
            "Base",
            "Tag",  # tags
        ]
        """,
        **ORDER,
    )


def test_removal_down_to_empty_and_tuples() -> None:
    assert_codemod(
        remove_model_import,
        """
        from app.models.Order import Order, OrderLine

        __all__ = ("OrderLine", "Order")
        """,
        """
        from app.models.Order import OrderLine

        __all__ = ("OrderLine",)
        """,
        **ORDER,
    )
    assert_codemod(
        remove_model_import,
        """
        from app.models.Order import Order
        __all__ = [
            "Order",
        ]
        """,
        """
        __all__ = []
        """,
        **ORDER,
    )


def test_removal_when_still_used_is_skipped() -> None:
    assert_skipped(
        remove_model_import,
        """
        from app.models.Order import Order

        ORDER_TABLE = Order.__table__
        """,
        "still used in the file (line 3)",
        **ORDER,
    )


def test_removal_of_nothing() -> None:
    assert remove_model_import(fixture(TEMPLATE), **ORDER) == AlreadyPresent()


def test_add_many_then_remove_all() -> None:
    code = fixture(TEMPLATE)
    names = ["Zebra", "Apple", "Order"]
    for name in names:
        result = ensure_model_imported(code, package="app", module=name, class_name=name)
        assert isinstance(result, Patched)
        code = result.code
    assert '__all__ = ["Apple", "Base", "Order", "Zebra"]' in code
    for name in sorted(names):
        result = remove_model_import(code, package="app", module=name, class_name=name)
        assert isinstance(result, Patched)
        code = result.code
    assert code == fixture(TEMPLATE)


def test_annotated_all_without_trailing_comma_and_merged_import() -> None:
    assert_codemod(
        ensure_model_imported,
        """
        from app.models.base import Base
        from app.models.Order import (
            OrderLine,  # lines
        )

        __all__: list[str] = [
            "Base",
            "OrderLine"
        ]
        """,
        """
        from app.models.base import Base
        from app.models.Order import (
            Order,
            OrderLine,  # lines
        )

        __all__: list[str] = [
            "Base",
            "Order",
            "OrderLine"
        ]
        """,
        **ORDER,
    )
