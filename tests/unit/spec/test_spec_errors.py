"""Bad specs -> exact, located messages (file:line:col, what is wrong, what is allowed)."""
# ruff: noqa: E501  (the exact messages are the snapshot; long lines are their point)

from __future__ import annotations

from pathlib import Path

import pytest

from fortress_gen.errors import SpecErrors, UnsupportedFeatureError
from fortress_gen.spec.loader import load_spec_text
from fortress_gen.spec.project import load_project

CUSTOMER = "entity: Customer\nfields:\n  name: str\n"

# (id, text of specs/Order.yaml, the exact message)
LOADER_CASES = [
    (
        "yaml-mapping-values",
        "entity: Order\nfields: a: b\n",
        "specs/Order.yaml:2:10: invalid YAML: mapping values are not allowed here",
    ),
    (
        "yaml-unclosed-flow",
        "entity: Order\nfields: {a: int\n",
        "specs/Order.yaml:3:1: invalid YAML: expected ',' or '}', but got '<stream end>' (while parsing a flow mapping at line 2, column 9)",
    ),
    (
        "yaml-tab",
        "entity: Order\nfields:\n\ta: int\n",
        "specs/Order.yaml:3:1: invalid YAML: found character '\\t' that cannot start any token (indent with spaces, not tabs)",
    ),
    (
        "yaml-two-documents",
        "entity: Order\n---\nentity: Order\n",
        "specs/Order.yaml:2:1: invalid YAML: found a second document (one document per file)",
    ),
    (
        "yaml-undefined-alias",
        "entity: Order\nfields:\n  a: *money\n",
        "specs/Order.yaml:3:6: invalid YAML: found undefined alias 'money'",
    ),
    (
        "duplicate-top-key",
        "entity: Order\ntimestamps: true\ntimestamps: false\n",
        "specs/Order.yaml:3:1: duplicate key 'timestamps', first at line 2 (a key may appear once in a mapping)",
    ),
    (
        "duplicate-field",
        "entity: Order\nfields:\n  total: int\n  note: text\n  total: decimal\n",
        "specs/Order.yaml:5:3: fields: duplicate key 'total', first at line 3 (a key may appear once in a mapping)",
    ),
    (
        "unknown-top-key",
        "entity: Order\ndescripton: An order.\n",
        "specs/Order.yaml:2:1: unknown key 'descripton', did you mean 'description'? (allowed: entity, description, renamed_from, table, route, id, timestamps, soft_delete, access, operations, fields, relations, list, cache, events)",
    ),
    (
        "unknown-field-key",
        "entity: Order\nfields:\n  number: {type: str, uniqe: true}\n",
        "specs/Order.yaml:3:23: fields.number: unknown key 'uniqe', did you mean 'unique'? (allowed: type, required, unique, index, default, values, min_length, max_length, pattern, ge, le, gt, lt, max_digits, decimal_places, description, example, writable, secret, renamed_from)",
    ),
    (
        "unknown-relation-key",
        "entity: Order\nrelations:\n  customer:\n    targt: Customer\n",
        "specs/Order.yaml:4:5: relations.customer: unknown key 'targt', did you mean 'target'? (allowed: kind, target, required, on_delete, back_populates, renamed_from, nested)",
    ),
    (
        "unknown-list-key",
        "entity: Order\nlist:\n  page_sise: 10\n",
        "specs/Order.yaml:3:3: list: unknown key 'page_sise', did you mean 'page_size'? (allowed: pagination, page_size, max_page_size, filters, sort)",
    ),
    (
        "bad-field-type",
        "entity: Order\nfields:\n  total: {type: money}\n",
        "specs/Order.yaml:3:17: fields.total.type: 'money' is not a field type (allowed: str, text, int, bigint, float, decimal, bool, date, datetime, time, uuid, email, url, enum, json, bytes)",
    ),
    (
        "bad-field-type-shorthand",
        "entity: Order\nfields:\n  total: money?\n",
        "specs/Order.yaml:3:10: fields.total: 'money' is not a field type (allowed: str, text, int, bigint, float, decimal, bool, date, datetime, time, uuid, email, url, enum, json, bytes)",
    ),
    (
        "bad-relation-kind",
        "entity: Order\nrelations:\n  customer: {kind: belongs_to, target: Customer}\n",
        "specs/Order.yaml:3:20: relations.customer.kind: 'belongs_to' is not a relation kind (allowed: many_to_one, one_to_one, many_to_many)",
    ),
    (
        "bad-on-delete",
        "entity: Order\nrelations:\n  customer: {target: Customer, on_delete: nullify}\n",
        "specs/Order.yaml:3:43: relations.customer.on_delete: 'nullify' is not an on_delete action (allowed: cascade, set_null, restrict)",
    ),
    (
        "entity-not-pascal",
        "entity: order\n",
        "specs/Order.yaml:1:9: entity: 'order' is not PascalCase (a capital letter, then letters and digits, like OrderItem)",
    ),
    (
        "field-name-not-snake",
        "entity: Order\nfields:\n  totalPrice: decimal\n",
        "specs/Order.yaml:3:3: fields.totalPrice: 'totalPrice' is not a snake_case name (lowercase letters, digits and _, starting with a letter, like order_item)",
    ),
    (
        "table-not-snake",
        "entity: Order\ntable: Orders\n",
        "specs/Order.yaml:2:8: table: 'Orders' is not a snake_case name (lowercase letters, digits and _, starting with a letter, like order_item)",
    ),
    (
        "route-not-kebab",
        "entity: Order\nroute: /orders\n",
        "specs/Order.yaml:2:8: route: '/orders' is not a route path (lowercase words joined by - or /, like order-items)",
    ),
    (
        "expected-list",
        "entity: Order\nlist:\n  filters: status\n",
        "specs/Order.yaml:3:12: list.filters: expected a list, got 'status'",
    ),
    (
        "expected-bool",
        "entity: Order\nfields:\n  notes: {type: text, required: maybe}\n",
        "specs/Order.yaml:3:33: fields.notes.required: expected true or false, got 'maybe'",
    ),
    (
        "expected-int",
        "entity: Order\nfields:\n  title: {type: str, max_length: long}\n",
        "specs/Order.yaml:3:34: fields.title.max_length: expected an integer, got 'long'",
    ),
    (
        "bool-enum-values",
        "entity: Order\nfields:\n  answer: {type: enum, values: [yes, no]}\n",
        (
            "specs/Order.yaml:3:33: fields.answer.values.0: expected a string, got true (written 'yes'; quote it to make it a string)\n"
            "specs/Order.yaml:3:38: fields.answer.values.1: expected a string, got false (written 'no'; quote it to make it a string)"
        ),
    ),
    (
        "empty-values",
        "entity: Order\nfields:\n  state: {type: enum, values: []}\n",
        "specs/Order.yaml:3:31: fields.state.values: must have at least 1 item",
    ),
    (
        "default-not-scalar",
        "entity: Order\nfields:\n  total: {type: int, default: [1, 2]}\n",
        "specs/Order.yaml:3:31: fields.total.default: expected a string, a number or a boolean, got a list",
    ),
    (
        "field-is-a-list",
        "entity: Order\nfields:\n  tags: [a, b]\n",
        "specs/Order.yaml:3:9: fields.tags: expected a field mapping or a type name (like `int` or `text?`), got a list",
    ),
    (
        "fields-empty-value",
        "entity: Order\nfields:\n",
        "specs/Order.yaml:2:8: fields: expected a mapping, got nothing (an empty value)",
    ),
    (
        "field-missing-type",
        "entity: Order\nfields:\n  total: {required: false}\n",
        "specs/Order.yaml:3:10: fields.total: missing required key 'type'",
    ),
    (
        "bound-too-small",
        "entity: Order\nlist: {page_size: 0}\n",
        "specs/Order.yaml:2:19: list.page_size: must be >= 1, got 0",
    ),
    (
        "empty-file",
        "",
        "specs/Order.yaml:1:1: the file is empty (a spec needs at least `entity: Order`)",
    ),
    (
        "comments-only",
        "# nothing here yet\n",
        "specs/Order.yaml:1:1: the file is empty (a spec needs at least `entity: Order`)",
    ),
    (
        "top-level-list",
        "- entity: Order\n",
        "specs/Order.yaml:1:1: expected a mapping at the top level, got a list (a spec starts with `entity: Order`)",
    ),
    (
        "top-level-scalar",
        "Order\n",
        "specs/Order.yaml:1:1: expected a mapping at the top level, got 'Order' (a spec starts with `entity: Order`)",
    ),
    (
        "missing-entity",
        "fields:\n  total: int\n",
        "specs/Order.yaml:1:1: missing required key 'entity'",
    ),
    (
        "entity-file-mismatch",
        "entity: Purchase\n",
        "specs/Order.yaml:1:9: entity: 'Purchase' does not match the file name 'Order.yaml' (a spec file is named after its entity: Purchase.yaml)",
    ),
    (
        "unsupported-tag",
        "entity: Order\ndescription: !secret x\n",
        "specs/Order.yaml:2:14: unsupported YAML tag '!secret' (plain YAML values only)",
    ),
    (
        "merge-key",
        "entity: Order\nfields:\n  <<: {a: int}\n",
        "specs/Order.yaml:3:3: YAML merge keys (<<) are not supported (write the keys out)",
    ),
    (
        "key-not-scalar",
        "entity: Order\nfields:\n  [a, b]: int\n",
        "specs/Order.yaml:3:3: a key must be a plain name, not a list or mapping",
    ),
    (
        "operation-unknown",
        "entity: Order\noperations: [list, show]\n",
        "specs/Order.yaml:2:20: operations.1: 'show' is not an operation (allowed: list, create, get, update, delete)",
    ),
    (
        "several-errors-sorted",
        "entity: Order\nfields:\n  b: {type: int, ge: x}\n  a: {type: nope}\nbogus: 1\n",
        (
            "specs/Order.yaml:3:22: fields.b.ge: expected a number, got 'x'\n"
            "specs/Order.yaml:4:13: fields.a.type: 'nope' is not a field type (allowed: str, text, int, bigint, float, decimal, bool, date, datetime, time, uuid, email, url, enum, json, bytes)\n"
            "specs/Order.yaml:5:1: unknown key 'bogus' (allowed: entity, description, renamed_from, table, route, id, timestamps, soft_delete, access, operations, fields, relations, list, cache, events)"
        ),
    ),
    (
        "access-unknown-policy",
        "entity: Order\naccess: nobody\n",
        "specs/Order.yaml:2:9: access: 'nobody' is not an access mode (allowed: public, authenticated, owner, admin)",
    ),
    (
        "access-unknown-key",
        "entity: Order\naccess:\n  default: admin\n  lst: public\n",
        "specs/Order.yaml:4:3: access: unknown key 'lst', did you mean 'list'? (allowed: default, read, write, list, create, get, update, delete)",
    ),
    (
        "access-unknown-operation-policy",
        "entity: Order\naccess: {get: everyone}\n",
        "specs/Order.yaml:2:15: access.get: 'everyone' is not an access mode (allowed: public, authenticated, owner, admin)",
    ),
    (
        "access-a-list",
        "entity: Order\naccess: [public]\n",
        "specs/Order.yaml:2:9: access: a list is not an access mode (allowed: public, authenticated, owner, admin)",
    ),
]

# (id, {file stem or name: text}, the exact message)
RESOLVE_CASES = [
    (
        "renamed-from-itself",
        {"Order": "entity: Order\nfields:\n  total: {type: int, renamed_from: total}\n"},
        "specs/Order.yaml:3:36: fields.total.renamed_from: 'total' cannot be renamed from itself (the old name must be gone from the spec; remove `renamed_from` if it is not)",
    ),
    (
        "renamed-from-a-present-field",
        {
            "Order": "entity: Order\nfields:\n  total: int\n  sum: {type: int, renamed_from: total}\n"
        },
        "specs/Order.yaml:4:34: fields.sum.renamed_from: 'total' is still part of Order (the old name must be gone from the spec; remove `renamed_from` if it is not)",
    ),
    (
        "relation-renamed-from-a-field-column",
        {
            "Order": "entity: Order\nfields:\n  buyer_id: int\nrelations:\n  customer: {target: Customer, renamed_from: buyer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:5:46: relations.customer.renamed_from: 'buyer' is still part of Order (the old name must be gone from the spec; remove `renamed_from` if it is not)",
    ),
    (
        "renamed-from-twice",
        {
            "Order": "entity: Order\nfields:\n  a: {type: int, renamed_from: old}\n  b: {type: int, renamed_from: old}\n"
        },
        "specs/Order.yaml:4:32: fields.b.renamed_from: fields.a is already renamed from 'old' (rename each old name into one new name)",
    ),
    (
        "entity-renamed-from-an-entity",
        {
            "Order": "entity: Order\nrenamed_from: Customer\nfields:\n  total: int\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:2:15: renamed_from: 'Customer' is still an entity of this project (the old name must be gone from the specs; remove `renamed_from` if it is not)",
    ),
    (
        "reserved-keyword",
        {"Order": "entity: Order\nfields:\n  class: str\n"},
        "specs/Order.yaml:3:3: fields.class: 'class' is reserved: a Python keyword (choose another name)",
    ),
    (
        "reserved-model-prefix",
        {"Order": "entity: Order\nfields:\n  model_name: str\n"},
        "specs/Order.yaml:3:3: fields.model_name: 'model_name' is reserved: in pydantic's protected `model_` namespace (choose another name)",
    ),
    (
        "reserved-query-param",
        {"Order": "entity: Order\nfields:\n  limit: int\n"},
        "specs/Order.yaml:3:3: fields.limit: 'limit' is reserved: a query parameter of the list endpoint (choose another name)",
    ),
    (
        "reserved-timestamp",
        {"Order": "entity: Order\nfields:\n  created_at: datetime\n"},
        "specs/Order.yaml:3:3: fields.created_at: 'created_at' is reserved: a column Fortress adds to every entity (choose another name)",
    ),
    (
        "reserved-relation",
        {
            "Order": "entity: Order\nrelations:\n  metadata: {target: Customer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:3: relations.metadata: 'metadata' is reserved: an attribute of pydantic's BaseModel or SQLAlchemy's DeclarativeBase (choose another name)",
    ),
    (
        "relation-column-reserved",
        {"Order": "entity: Order\nrelations:\n  model: {target: Customer}\n", "Customer": CUSTOMER},
        "specs/Order.yaml:3:3: relations.model: its column model_id is reserved: in pydantic's protected `model_` namespace (choose another name)",
    ),
    (
        "field-is-fk-column",
        {
            "Order": "entity: Order\nfields:\n  customer_id: int\nrelations:\n  customer: {target: Customer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:3: fields.customer_id: 'customer_id' is the foreign key column of relation 'customer' (rename the field; the relation adds this column itself)",
    ),
    (
        "relation-named-like-field",
        {
            "Order": "entity: Order\nfields:\n  customer: str\nrelations:\n  customer: {target: Customer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:5:3: relations.customer: a field is also named 'customer' (rename one)",
    ),
    (
        "relation-ends-in-id",
        {
            "Order": "entity: Order\nrelations:\n  customer_id: {target: Customer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:3: relations.customer_id: a relation name ends in _id: its column would be customer_id_id (name it after the target, like 'customer'; the column is 'customer_id')",
    ),
    (
        "unknown-target",
        {
            "Order": "entity: Order\nrelations:\n  customer: {target: Custmer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:22: relations.customer.target: no entity 'Custmer' in this project (did you mean 'Customer'? known entities: Customer, Order and the built-in User)",
    ),
    (
        "unknown-target-alone",
        {"Order": "entity: Order\nrelations:\n  customer: {target: Customer}\n"},
        "specs/Order.yaml:3:22: relations.customer.target: no entity 'Customer' in this project (known entities: Order and the built-in User)",
    ),
    (
        "enum-without-values",
        {"Order": "entity: Order\nfields:\n  status: enum\n"},
        "specs/Order.yaml:3:11: fields.status: an enum field needs `values` (like {type: enum, values: [draft, published]})",
    ),
    (
        "values-on-str",
        {"Order": "entity: Order\nfields:\n  status: {type: str, values: [a, b]}\n"},
        "specs/Order.yaml:3:31: fields.status.values: only enum fields have values, not str",
    ),
    (
        "duplicate-enum-value",
        {"Order": "entity: Order\nfields:\n  status: {type: enum, values: [a, b, a]}\n"},
        "specs/Order.yaml:3:32: fields.status.values: a value is listed twice",
    ),
    (
        "max-length-on-int",
        {"Order": "entity: Order\nfields:\n  count: {type: int, max_length: 3}\n"},
        "specs/Order.yaml:3:34: fields.count.max_length: int fields have no max_length (max_length is for str, text, email and url)",
    ),
    (
        "ge-on-str",
        {"Order": "entity: Order\nfields:\n  code: {type: str, ge: 1}\n"},
        "specs/Order.yaml:3:25: fields.code.ge: str fields have no ge (ge is for int, bigint, float and decimal)",
    ),
    (
        "max-digits-on-float",
        {"Order": "entity: Order\nfields:\n  ratio: {type: float, max_digits: 5}\n"},
        "specs/Order.yaml:3:36: fields.ratio.max_digits: float fields have no max_digits (max_digits is for decimal)",
    ),
    (
        "decimal-places-exceed-digits",
        {
            "Order": "entity: Order\nfields:\n  total: {type: decimal, max_digits: 4, decimal_places: 6}\n"
        },
        "specs/Order.yaml:3:57: fields.total.decimal_places: decimal_places 6 exceeds max_digits 4",
    ),
    (
        "min-length-over-default-max",
        {"Order": "entity: Order\nfields:\n  code: {type: str, min_length: 300}\n"},
        "specs/Order.yaml:3:33: fields.code.min_length: min_length 300 exceeds max_length 255 (str fields default to max_length 255)",
    ),
    (
        "empty-range",
        {"Order": "entity: Order\nfields:\n  qty: {type: int, ge: 10, le: 1}\n"},
        "specs/Order.yaml:3:32: fields.qty.le: the range 10..1 is empty",
    ),
    (
        "ge-and-gt",
        {"Order": "entity: Order\nfields:\n  qty: {type: int, ge: 1, gt: 0}\n"},
        "specs/Order.yaml:3:31: fields.qty.gt: set either ge or gt, not both",
    ),
    (
        "fractional-int-bound",
        {"Order": "entity: Order\nfields:\n  qty: {type: int, ge: 0.5}\n"},
        "specs/Order.yaml:3:24: fields.qty.ge: an int bound must be a whole number, got 0.5",
    ),
    (
        "bad-pattern",
        {"Order": "entity: Order\nfields:\n  code: {type: str, pattern: '[a-z'}\n"},
        "specs/Order.yaml:3:30: fields.code.pattern: not a valid regular expression: unterminated character set at position 0",
    ),
    (
        "default-wrong-type",
        {"Order": "entity: Order\nfields:\n  qty: {type: int, default: many}\n"},
        "specs/Order.yaml:3:29: fields.qty.default: expected a whole number, got 'many'",
    ),
    (
        "default-bool-for-int",
        {"Order": "entity: Order\nfields:\n  qty: {type: int, default: true}\n"},
        "specs/Order.yaml:3:29: fields.qty.default: expected a whole number, got true",
    ),
    (
        "enum-default-not-a-value",
        {
            "Order": "entity: Order\nfields:\n  status: {type: enum, values: [pending, paid], default: shipped}\n"
        },
        "specs/Order.yaml:3:58: fields.status.default: 'shipped' is not one of the values (pending, paid)",
    ),
    (
        "default-too-long",
        {"Order": "entity: Order\nfields:\n  code: {type: str, max_length: 3, default: ABCD}\n"},
        "specs/Order.yaml:3:45: fields.code.default: 'ABCD' is longer than max_length 3",
    ),
    (
        "default-out-of-bounds",
        {"Order": "entity: Order\nfields:\n  qty: {type: int, ge: 1, default: 0}\n"},
        "specs/Order.yaml:3:36: fields.qty.default: 0 is not >= 1",
    ),
    (
        "default-bad-date",
        {"Order": "entity: Order\nfields:\n  due: {type: date, default: 2024-02-30}\n"},
        "specs/Order.yaml:3:30: fields.due.default: expected an ISO date (2024-01-31), got '2024-02-30'",
    ),
    (
        "default-decimal-places",
        {"Order": "entity: Order\nfields:\n  total: {type: decimal, default: 1.234}\n"},
        "specs/Order.yaml:3:35: fields.total.default: 1.234 has more than 2 decimal places",
    ),
    (
        "default-pattern",
        {
            "Order": "entity: Order\nfields:\n  code: {type: str, pattern: '^[A-Z]+$', default: abc, example: ABC}\n"
        },
        "specs/Order.yaml:3:51: fields.code.default: 'abc' does not match the pattern",
    ),
    (
        "unique-read-only-default",
        {
            "Order": "entity: Order\nfields:\n  code: {type: str, unique: true, writable: false, default: x}\n"
        },
        "specs/Order.yaml:3:21: fields.code.unique: a unique read-only field would get its default on every row, so a second row could never be created (make it writable, drop its default, or drop `unique`)",
    ),
    (
        "pattern-without-example",
        {"Order": "entity: Order\nfields:\n  code: {type: str, pattern: '^[A-Z]+$'}\n"},
        "specs/Order.yaml:3:30: fields.code.pattern: a field with a pattern needs an `example` that matches it (the generated tests build their values from the example)",
    ),
    (
        "example-bad-email",
        {"Order": "entity: Order\nfields:\n  contact: {type: email, example: nobody}\n"},
        "specs/Order.yaml:3:35: fields.contact.example: 'nobody' is not an email address",
    ),
    (
        "bytes-default",
        {"Order": "entity: Order\nfields:\n  blob: {type: bytes, default: abc}\n"},
        "specs/Order.yaml:3:32: fields.blob.default: bytes fields take no default",
    ),
    (
        "unique-json",
        {"Order": "entity: Order\nfields:\n  extra: {type: json, unique: true}\n"},
        "specs/Order.yaml:3:23: fields.extra.unique: json fields cannot have `unique: true`",
    ),
    (
        "read-only-needs-default",
        {"Order": "entity: Order\nfields:\n  code: {type: str, writable: false}\n"},
        "specs/Order.yaml:3:31: fields.code.writable: a required read-only field needs a default (add `default:`, or make it `required: false`)",
    ),
    (
        "secret-not-writable",
        {
            "Order": "entity: Order\nfields:\n  token: {type: str, secret: true, writable: false, required: false}\n"
        },
        "specs/Order.yaml:3:30: fields.token.secret: a secret field must be writable (nobody could set it and nobody can read it; drop `writable: false`)",
    ),
    (
        "filter-unknown",
        {"Order": "entity: Order\nfields:\n  status: str\nlist:\n  filters: [status, state]\n"},
        "specs/Order.yaml:5:21: list.filters.1: 'state' names no column of Order (allowed: id, status, created_at, updated_at)",
    ),
    (
        "filter-json",
        {"Order": "entity: Order\nfields:\n  extra: json\nlist:\n  filters: [extra]\n"},
        "specs/Order.yaml:5:13: list.filters.0: cannot filter on json field 'extra'",
    ),
    (
        "filter-secret",
        {
            "Order": "entity: Order\nfields:\n  token: {type: str, secret: true}\nlist:\n  filters: [token]\n"
        },
        "specs/Order.yaml:5:13: list.filters.0: 'token' is secret; clients may not filter on it",
    ),
    (
        "filter-twice",
        {"Order": "entity: Order\nfields:\n  status: str\nlist:\n  filters: [status, status]\n"},
        "specs/Order.yaml:5:21: list.filters.1: 'status' is listed twice",
    ),
    (
        "sort-optional",
        {"Order": "entity: Order\nfields:\n  placed_at: datetime?\nlist:\n  sort: [-placed_at]\n"},
        "specs/Order.yaml:5:10: list.sort.0: cannot sort on 'placed_at': it is optional (null values have no order)",
    ),
    (
        "sort-text",
        {"Order": "entity: Order\nfields:\n  notes: text\nlist:\n  sort: [notes]\n"},
        "specs/Order.yaml:5:10: list.sort.0: cannot sort on text field 'notes'",
    ),
    (
        "sort-timestamps-off",
        {"Order": "entity: Order\ntimestamps: false\nlist:\n  sort: [-created_at]\n"},
        "specs/Order.yaml:4:10: list.sort.0: 'created_at' names no column of Order (allowed: id)",
    ),
    (
        "max-page-size-below-page-size",
        {"Order": "entity: Order\nlist:\n  page_size: 50\n  max_page_size: 20\n"},
        "specs/Order.yaml:4:18: list.max_page_size: max_page_size 20 is smaller than page_size 50",
    ),
    (
        "self-reference-required",
        {"Category": "entity: Category\nrelations:\n  parent: {target: Category}\n"},
        "specs/Category.yaml:3:11: relations.parent: a relation to the entity itself must be `required: false` (the first row has nothing to point at)",
    ),
    (
        "set-null-required",
        {
            "Order": "entity: Order\nrelations:\n  customer: {target: Customer, on_delete: set_null}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:43: relations.customer.on_delete: `on_delete: set_null` needs `required: false` (a required foreign key cannot be set to null; use cascade or restrict)",
    ),
    (
        "user-back-populates",
        {"Order": "entity: Order\nrelations:\n  buyer: {target: User, back_populates: orders}\n"},
        "specs/Order.yaml:3:41: relations.buyer.back_populates: the built-in User is not generated from a spec: it gets no reverse relation (remove `back_populates`; query Order by buyer_id instead)",
    ),
    (
        "user-nested",
        {"Order": "entity: Order\nrelations:\n  buyer: {target: User, nested: true}\n"},
        "specs/Order.yaml:3:33: relations.buyer.nested: a nested User would expose account data in every response (remove `nested`; responses carry buyer_id)",
    ),
    (
        "user-many-to-many",
        {"Order": "entity: Order\nrelations:\n  watchers: {kind: many_to_many, target: User}\n"},
        "specs/Order.yaml:3:20: relations.watchers.kind: a many_to_many relation to the built-in User is not generated (add an entity with a many_to_one relation to User and one to Order)",
    ),
    (
        "many-to-many-on-delete",
        {
            "Order": "entity: Order\nrelations:\n  tags: {kind: many_to_many, target: Customer, on_delete: restrict}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:59: relations.tags.on_delete: a many_to_many relation has no foreign key of its own to act on (remove `on_delete`: association rows are deleted with either side)",
    ),
    (
        "many-to-many-same-columns",
        {"Order": "entity: Order\nrelations:\n  orders: {kind: many_to_many, target: Order}\n"},
        "specs/Order.yaml:3:3: relations.orders: both columns of its association table would be named 'order_id' (name the relation after the role of the other side, not Order)",
    ),
    (
        "many-to-many-ids-clash",
        {
            "Order": "entity: Order\nfields:\n  tag_ids: json\nrelations:\n  tags: {kind: many_to_many, target: Customer}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:5:3: relations.tags: its id list 'tag_ids' clashes with a field of Order (rename the relation or the field)",
    ),
    (
        "association-table-clash",
        {
            "Order": "entity: Order\nrelations:\n  lines: {kind: many_to_many, target: Customer}\n",
            "Customer": CUSTOMER,
            "OrderLine": "entity: OrderLine\ntable: orders_lines\n",
        },
        "specs/Order.yaml:3:3: relations.lines: its association table 'orders_lines' is also used by OrderLine (specs/OrderLine.yaml) (rename the relation or set another `table:` on one of the entities)",
    ),
    (
        "event-listed-twice",
        {"Order": "entity: Order\nevents: [created, created]\n"},
        "specs/Order.yaml:2:19: events.1: 'created' is listed twice",
    ),
    (
        "event-without-its-operation",
        {"Order": "entity: Order\noperations: [list, get, create]\nevents: [created, deleted]\n"},
        "specs/Order.yaml:3:19: events.1: 'deleted' needs the 'delete' operation, which `operations:` leaves out (add 'delete' to `operations:` or remove the event)",
    ),
    (
        "unsupported-offset",
        {"Order": "entity: Order\nlist:\n  pagination: offset\n"},
        "specs/Order.yaml:3:15: list.pagination: offset pagination is not generated yet (remove it to use cursor pagination)",
    ),
    (
        "cycle",
        {
            "Order": "entity: Order\nrelations:\n  customer: {target: Customer}\n",
            "Customer": "entity: Customer\nrelations:\n  last_order: {target: Order}\n",
        },
        "specs/Customer.yaml:3:3: relations.last_order: required relations form a cycle Customer -> Order -> Customer; the first row cannot be inserted (make one of these relations `required: false`)",
    ),
    (
        "cycle-of-three",
        {
            "Ant": "entity: Ant\nrelations:\n  b: {target: Bee}\n",
            "Bee": "entity: Bee\nrelations:\n  c: {target: Cat}\n",
            "Cat": "entity: Cat\nrelations:\n  a: {target: Ant}\n",
        },
        "specs/Ant.yaml:3:3: relations.b: required relations form a cycle Ant -> Bee -> Cat -> Ant; the first row cannot be inserted (make one of these relations `required: false`)",
    ),
    (
        "duplicate-table",
        {"Order": "entity: Order\n", "Purchase": "entity: Purchase\ntable: orders\n"},
        "specs/Purchase.yaml:2:8: table: the table 'orders' is also used by Order (specs/Order.yaml) (give each entity its own table)",
    ),
    (
        "duplicate-route",
        {"Order": "entity: Order\nroute: sales\n", "Sale": "entity: Sale\n"},
        "specs/Sale.yaml:1:9: route: the route 'sales' (the default for Sale) is also used by Order (specs/Order.yaml) (give each entity its own route)",
    ),
    (
        "route-shadowed",
        {"Order": "entity: Order\n", "OrderItem": "entity: OrderItem\nroute: orders/items\n"},
        "specs/OrderItem.yaml:2:8: route: the route 'orders/items' is shadowed by orders/{id} of Order (choose a route that is not one segment below another entity's route)",
    ),
    (
        "reserved-entity",
        {"User": "entity: User\n"},
        "specs/User.yaml:1:9: entity: 'User' is reserved: the built-in User entity of every generated project (choose another name)",
    ),
    (
        "reserved-entity-import",
        {"Field": "entity: Field\n"},
        "specs/Field.yaml:1:9: entity: 'Field' is reserved: a name generated modules import or define (choose another name)",
    ),
    (
        "reserved-table",
        {"Member": "entity: Member\ntable: users\n"},
        "specs/Member.yaml:2:8: table: the table 'users' belongs to the generated project itself (set another `table:`)",
    ),
    (
        "reserved-route",
        {"Login": "entity: Login\nroute: auth/login\n"},
        "specs/Login.yaml:2:8: route: the route 'auth/login' is served by the generated project itself (set another `route:`)",
    ),
    (
        "back-populates-clash",
        {
            "Order": "entity: Order\nrelations:\n  customer: {target: Customer, back_populates: name}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:3:48: relations.customer.back_populates: Customer already has a field or relation named 'name'",
    ),
    (
        "back-populates-twice",
        {
            "Order": "entity: Order\nrelations:\n  buyer: {target: Customer, back_populates: orders}\n  payer: {target: Customer, back_populates: orders}\n",
            "Customer": CUSTOMER,
        },
        "specs/Order.yaml:4:45: relations.payer.back_populates: Customer.orders is already the reverse of Order.buyer",
    ),
    (
        "owner-access-clash",
        {"Order": "entity: Order\naccess: owner\nfields:\n  owner_id: int\n"},
        "specs/Order.yaml:4:3: fields.owner_id: 'owner_id' is taken: `access: owner` adds an owner relation to User (choose another name)",
    ),
    (
        "operation-twice",
        {"Order": "entity: Order\noperations: [list, get, list]\n"},
        "specs/Order.yaml:2:25: operations.2: 'list' is listed twice",
    ),
    (
        "entity-in-two-files",
        {"Order": "entity: Order\n", "Order.yml": "entity: Order\n"},
        "specs/Order.yml:1:9: entity: 'Order' is also defined in specs/Order.yaml (one file per entity)",
    ),
    (
        "access-operation-not-generated",
        {"Order": "entity: Order\noperations: [get]\naccess: {default: admin, list: public}\n"},
        "specs/Order.yaml:3:26: access.list: 'list' names no operation of Order: `operations:` leaves out 'list' (remove the key or add the operation to `operations:`)",
    ),
    (
        "access-group-not-generated",
        {"Order": "entity: Order\noperations: [list, get]\naccess: {write: admin}\n"},
        "specs/Order.yaml:3:10: access.write: 'write' names no operation of Order: `operations:` leaves out 'create' and 'update' and 'delete' (remove the key or add the operation to `operations:`)",
    ),
    (
        "access-owner-per-operation",
        {"Order": "entity: Order\naccess:\n  default: public\n  write: owner\n"},
        "specs/Order.yaml:4:10: access.write: 'owner' is a policy of the whole entity, not of one operation (use public, authenticated or admin here, or `access: owner` for the entity)",
    ),
    (
        "access-owner-with-overrides",
        {"Order": "entity: Order\naccess:\n  default: owner\n  delete: admin\n"},
        "specs/Order.yaml:4:3: access.delete: `default: owner` scopes every operation to the caller; it takes no overrides (use `access: owner`, or a default of public, authenticated or admin)",
    ),
    (
        "relation-to-owned-from-shared",
        {
            "Goal": "entity: Goal\naccess: owner\n",
            "Note": "entity: Note\nrelations:\n  goal: {target: Goal}\n",
        },
        "specs/Note.yaml:3:18: relations.goal.target: Goal is `access: owner`: only the owner of a row may point at it (give Note `access: owner` too, so its rows name only their owner's)",
    ),
]


def _write_project(root: Path, files: dict[str, str]) -> None:
    (root / "fortress.yaml").write_text("package: app\n", encoding="utf-8")
    (root / "specs").mkdir()
    for name, text in files.items():
        file_name = name if "." in name else f"{name}.yaml"
        (root / "specs" / file_name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LOADER_CASES], ids=[c[0] for c in LOADER_CASES]
)
def test_loader_reports_located_error(text: str, expected: str) -> None:
    with pytest.raises(SpecErrors) as info:
        load_spec_text(text, Path("specs/Order.yaml"))
    assert str(info.value) == expected
    assert all(error.location is not None for error in info.value.errors)


@pytest.mark.parametrize(
    ("files", "expected"), [c[1:] for c in RESOLVE_CASES], ids=[c[0] for c in RESOLVE_CASES]
)
def test_project_reports_located_error(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    _write_project(tmp_path, files)
    with pytest.raises(SpecErrors) as info:
        load_project(tmp_path)
    assert str(info.value) == expected


def test_unsupported_features_have_their_own_class(tmp_path: Path) -> None:
    _write_project(
        tmp_path, {"Order": "entity: Order\nlist: {pagination: offset}\nevents: [created]\n"}
    )
    with pytest.raises(SpecErrors) as info:
        load_project(tmp_path)
    assert [type(e) for e in info.value.errors] == [UnsupportedFeatureError]


def test_cache_and_events_are_accepted(tmp_path: Path) -> None:
    _write_project(tmp_path, {"Order": "entity: Order\ncache: {ttl: 5}\nevents: [created]\n"})
    (order,) = load_project(tmp_path).entities
    assert order.cache is not None and order.cache.ttl == 5
    assert order.events == ("created",)


def test_errors_of_all_files_are_reported_together(tmp_path: Path) -> None:
    _write_project(
        tmp_path,
        {"Order": "entity: Order\nfields:\n  a: money\n", "Tag": "entity: Tags\n", "Zed": ""},
    )
    with pytest.raises(SpecErrors) as info:
        load_project(tmp_path)
    assert [str(e.location) for e in info.value.errors] == [
        "specs/Order.yaml:3:6",
        "specs/Tag.yaml:1:9",
        "specs/Zed.yaml:1:1",
    ]
