"""Model imports in ``<package>/models/__init__.py``, so ``Base.metadata`` knows every table.

`ensure_model_imported` adds ``from <package>.models.<module> import <Class>`` and the
class to a literal ``__all__``; `remove_model_import` undoes both for ``fortress destroy``.
"""

from __future__ import annotations

from fortress_gen.patch import _splice
from fortress_gen.patch._source import (
    AlreadyPresent,
    Engine,
    Patched,
    PatchResult,
    Skipped,
    bindings,
    literal_all,
    parse,
    references,
)

__all__ = ["ensure_model_imported", "remove_model_import"]


def ensure_model_imported(
    source: str, *, package: str, module: str, class_name: str, engine: Engine = "auto"
) -> PatchResult:
    """Import an entity's model class in the models package.

    Args:
        source: The text of ``<package>/models/__init__.py``.
        package: The project's Python package (``app``).
        module: The model module (``Order`` in fortress style, ``order`` in pep8 style).
        class_name: The model class (``Order``).
        engine: How to edit (see `Engine`); the result does not depend on it.

    Returns:
        `Patched`; `AlreadyPresent` when the class is imported (under any name, also
        relatively) and, if the file has a literal ``__all__``, listed there; `Skipped`
        when the file does not parse or the name is already imported from elsewhere.
        A new ``__all__`` entry is sorted in when the list was sorted.
    """
    tree = parse(source)
    if isinstance(tree, Skipped):
        return tree
    file_package = f"{package}.models"
    target = f"{file_package}.{module}.{class_name}"
    found = list(bindings(tree, file_package))
    local_names = [b.local for b in found if b.target == target]
    clash = [b.target for b in found if b.local == class_name and b.target != target]
    if clash and not local_names:
        return Skipped(
            f"`{class_name}` is already imported from {clash[0]}; import the model by hand"
        )
    exported = literal_all(tree)
    local = local_names[0] if local_names else class_name
    add_export = exported is not None and local not in exported[1]
    if local_names and not add_export:
        return AlreadyPresent()
    if engine != "libcst":
        text = _splice.SourceText.of(source, tree)
        spliced = None
        if text is not None:
            splices = []
            if not local_names:
                splices.append(
                    _splice.import_splice(
                        text, tree, file_package, f"{file_package}.{module}", class_name
                    )
                )
            if exported is not None and add_export:
                index, names = exported
                splices.append(_splice.add_to_all(text, tree.body[index], names, local))
            spliced = _splice.apply_splices(source, splices)
        if spliced is not None:
            return Patched(spliced)
        if engine == "splice":
            return Skipped(_splice.NOT_CERTAIN)

    from fortress_gen.patch import _primitives as p

    tree_cst = p.parse(source)
    if isinstance(tree_cst, Skipped):
        return tree_cst
    places = p.StatementMap.of(tree_cst)
    edits = []
    if not local_names:
        edits.append(
            p.import_edit(
                tree,
                places,
                len(tree_cst.body),
                file_package,
                f"{file_package}.{module}",
                class_name,
            )
        )
    if exported is not None and add_export:
        index, names = exported
        line, small = places.places[index]
        edits.append(p.modify_small(line, small, lambda s: p.add_to_all(s, names, local)))
    return Patched(p.apply_edits(tree_cst, edits).code)


def remove_model_import(source: str, *, package: str, module: str, class_name: str) -> PatchResult:
    """Undo `ensure_model_imported`: drop the import and the ``__all__`` entry.

    Args:
        source: The text of ``<package>/models/__init__.py``.
        package: The project's Python package.
        module: The model module.
        class_name: The model class.

    Returns:
        `Patched`, `AlreadyPresent` when neither is there, or `Skipped` when the file does
        not parse or still uses the class elsewhere (left to the user).
    """
    tree = parse(source)
    if isinstance(tree, Skipped):
        return tree
    file_package = f"{package}.models"
    target = f"{file_package}.{module}.{class_name}"
    mine = [b for b in bindings(tree, file_package) if b.target == target]
    exported = literal_all(tree)
    local_names = {b.local for b in mine} or {class_name}
    listed = exported is not None and bool(local_names & set(exported[1]))
    if not mine and not listed:
        return AlreadyPresent()
    for local in sorted(local_names):
        uses = references(tree, local)
        if uses:
            return Skipped(
                f"`{local}` is still used in the file (line {uses[0].lineno}); remove it by hand"
            )

    from fortress_gen.patch import _primitives as p

    tree_cst = p.parse(source)
    if isinstance(tree_cst, Skipped):
        return tree_cst
    places = p.StatementMap.of(tree_cst)
    edits = []
    by_statement: dict[int, set[str]] = {}
    for binding in mine:
        by_statement.setdefault(binding.statement, set()).add(binding.local)
    for index, gone in by_statement.items():
        edits.append(p.remove_import_names(*places.places[index], gone))
    if exported is not None and listed:
        index, names = exported
        line, small = places.places[index]
        gone = local_names & set(names)
        edits.append(p.modify_small(line, small, lambda s: p.remove_from_all(s, names, gone)))
    return Patched(p.apply_edits(tree_cst, edits).code)
