"""Tables of the demo warehouse: a Norwegian retailer of mobility aids.

The shape follows the privacy policy: customers and their contact data (``crm``), orders
with their child rows (``sales``), website sessions (``web``), customer-service contacts
(``service``), job applicants, kept by HR in Norwegian (``hr``), and blue-prescription
reimbursements (``health``). ``sales`` also holds tables with no personal data at all
(products, stock, suppliers) whose columns look personal to a naive scanner: a product
``name``, a ``code`` of years, 11-digit bank account numbers, 8-digit order numbers.

SQLite cannot declare a foreign key into another attached database, so the references
from other schemas to ``crm.customers`` exist on PostgreSQL and MariaDB only; the ones
inside ``sales`` (orders and their children) exist everywhere.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
)

DEMO_SCHEMAS = ("crm", "sales", "web", "service", "hr", "health")

TIMESTAMP = DateTime(timezone=True)

# What the generator seeds where: the ground truth the inventory is tested against.
# "free_text" marks notes that hold several kinds of personal data inside sentences.
_SEEDED = {
    "crm.customers": {
        "customer_id": "customer_id",
        "first_name": "name",
        "last_name": "name",
        "street_address": "postal_address",
        "postcode": "postal_address",
        "city": "postal_address",
        "email": "email",
        "mobile": "phone",
        "date_of_birth": "date_of_birth",
        "gender": "gender",
        "national_id": "national_id",
    },
    "sales.orders": {"customer_id": "customer_id", "ip_address": "ip_address"},
    "sales.payments": {"card_last4": "payment", "masked_pan": "payment"},
    "sales.shipments": {
        "recipient_name": "name",
        "delivery_address": "postal_address",
        "delivery_postcode": "postal_address",
        "delivery_city": "postal_address",
    },
    "web.sessions": {
        "customer_id": "customer_id",
        "ip_address": "ip_address",
        "user_agent": "user_agent",
        "device_type": "device",
        "os": "operating_system",
        "browser": "browser",
        "screen_resolution": "screen_size",
        "landing_page": "free_text",  # some URLs carry the visitor's email
    },
    "service.contacts": {"customer_id": "customer_id", "notes": "free_text"},
    "hr.job_applicants": {
        "fornavn": "name",
        "etternavn": "name",
        "epost": "email",
        "telefon": "phone",
        "adresse": "postal_address",
        "postnummer": "postal_address",
        "poststed": "postal_address",
        "fodselsdato": "date_of_birth",
        "cv_tekst": "job_application",
    },
    "health.blue_prescriptions": {  # its key, prescription_id, is governed, not found
        "customer_id": "customer_id",
        "patient_fnr": "national_id",
        "diagnosis_code": "health",
    },
}
SEEDED_PERSONAL_DATA = {
    f"{table}.{column}": category
    for table, columns in _SEEDED.items()
    for column, category in columns.items()
}
# Columns that look personal to a naive scanner but are not.
TRAPS = frozenset(
    {
        "sales.products.name",
        "sales.products.code",
        "sales.suppliers.name",
        "sales.suppliers.bank_account",
        "sales.suppliers.org_number",
        "sales.orders.order_number",
        "sales.stock.location",
    }
)


def build_metadata(dialect: str) -> MetaData:
    """The demo tables for ``dialect`` (``postgresql``, ``mysql`` or ``sqlite``)."""
    md = MetaData()
    cross_schema = dialect != "sqlite"

    def customer_ref() -> list[ForeignKey]:
        return [ForeignKey("crm.customers.customer_id")] if cross_schema else []

    Table(
        "customers",
        md,
        Column("customer_id", Integer, primary_key=True, autoincrement=False),
        Column("first_name", String(100), nullable=False),
        Column("last_name", String(100), nullable=False),
        Column("street_address", String(200)),
        Column("postcode", String(4)),
        Column("city", String(100)),
        Column("email", String(254)),
        Column("mobile", String(20)),
        Column("date_of_birth", Date),
        Column("gender", String(10)),
        Column("national_id", String(11)),
        Column("marketing_consent", Boolean, nullable=False),
        Column("marketing_consent_at", TIMESTAMP),
        Column("newsletter", Boolean, nullable=False),
        Column("newsletter_at", TIMESTAMP),
        Column("created_at", TIMESTAMP, nullable=False),
        Column("updated_at", TIMESTAMP, nullable=False),
        schema="crm",
    )

    Table(
        "products",
        md,
        Column("product_id", Integer, primary_key=True, autoincrement=False),
        Column("sku", String(20), nullable=False),
        Column("name", String(200), nullable=False),
        Column("category", String(50), nullable=False),
        Column("code", String(10)),
        Column("unit_price", Numeric(10, 2), nullable=False),
        schema="sales",
    )
    Table(
        "stock",
        md,
        Column("product_id", Integer, ForeignKey("sales.products.product_id"), primary_key=True),
        Column("location", String(50), primary_key=True),
        Column("quantity", Integer, nullable=False),
        Column("updated_at", TIMESTAMP, nullable=False),
        schema="sales",
    )
    Table(
        "suppliers",
        md,
        Column("supplier_id", Integer, primary_key=True, autoincrement=False),
        Column("name", String(200), nullable=False),
        Column("org_number", String(9), nullable=False),
        Column("bank_account", String(11), nullable=False),
        Column("country", String(2), nullable=False),
        schema="sales",
    )
    Table(
        "orders",
        md,
        Column("order_id", Integer, primary_key=True, autoincrement=False),
        Column("order_number", BigInteger, nullable=False, unique=True),
        Column("customer_id", Integer, *customer_ref(), nullable=False),
        Column("ordered_at", TIMESTAMP, nullable=False),
        Column("status", String(20), nullable=False),
        Column("channel", String(10), nullable=False),
        Column("currency", String(3), nullable=False),
        Column("total_amount", Numeric(12, 2), nullable=False),
        Column("shipping_fee", Numeric(10, 2), nullable=False),
        Column("ip_address", String(45)),
        Column("updated_at", TIMESTAMP, nullable=False),
        Index("ix_orders_ordered_at", "ordered_at"),
        Index("ix_orders_customer_id", "customer_id"),
        schema="sales",
    )

    def order_child(name: str, *columns: Column) -> Table:
        """A child of sales.orders: its foreign key is indexed, which bulk deletes need."""
        return Table(
            name,
            md,
            Column(f"{name[:-1]}_id", Integer, primary_key=True, autoincrement=False),
            Column("order_id", Integer, ForeignKey("sales.orders.order_id"), nullable=False),
            *columns,
            Index(f"ix_{name}_order_id", "order_id"),
            schema="sales",
        )

    order_child(
        "order_lines",
        Column("line_no", Integer, nullable=False),
        Column("product_id", Integer, ForeignKey("sales.products.product_id"), nullable=False),
        Column("quantity", Integer, nullable=False),
        Column("unit_price", Numeric(10, 2), nullable=False),
        Column("discount_pct", Numeric(5, 2), nullable=False),
        Column("line_total", Numeric(12, 2), nullable=False),
    )
    order_child(
        "payments",
        Column("paid_at", TIMESTAMP, nullable=False),
        Column("method", String(20), nullable=False),
        Column("card_brand", String(20)),
        Column("card_last4", String(4)),
        Column("masked_pan", String(19)),
        Column("amount", Numeric(12, 2), nullable=False),
        Column("status", String(20), nullable=False),
    )
    order_child(
        "shipments",
        Column("carrier", String(30), nullable=False),
        Column("tracking_number", String(30), nullable=False),
        Column("shipped_at", TIMESTAMP, nullable=False),
        Column("delivered_at", TIMESTAMP),
        Column("recipient_name", String(200), nullable=False),
        Column("delivery_address", String(200), nullable=False),
        Column("delivery_postcode", String(4), nullable=False),
        Column("delivery_city", String(100), nullable=False),
    )
    order_child(
        "claims",
        Column("claim_type", String(10), nullable=False),
        Column("status", String(10), nullable=False),
        Column("reason", String(50), nullable=False),
        Column("opened_at", TIMESTAMP, nullable=False),
        Column("closed_at", TIMESTAMP),
    )

    Table(
        "sessions",
        md,
        Column("session_id", String(36), primary_key=True),
        Column("customer_id", Integer),
        Column("started_at", TIMESTAMP, nullable=False),
        Column("ended_at", TIMESTAMP, nullable=False),
        Column("ip_address", String(45), nullable=False),
        Column("user_agent", Text, nullable=False),
        Column("device_type", String(10), nullable=False),
        Column("os", String(30), nullable=False),
        Column("browser", String(30), nullable=False),
        Column("screen_resolution", String(11), nullable=False),
        Column("landing_page", String(200), nullable=False),
        Column("page_views", Integer, nullable=False),
        Index("ix_sessions_started_at", "started_at"),
        schema="web",
    )

    Table(
        "contacts",
        md,
        Column("contact_id", Integer, primary_key=True, autoincrement=False),
        Column("customer_id", Integer, *customer_ref()),
        Column("contacted_at", TIMESTAMP, nullable=False),
        Column("channel", String(10), nullable=False),
        Column("topic", String(50), nullable=False),
        Column("notes", Text),
        Column("agent_code", String(10), nullable=False),
        Column("resolved", Boolean, nullable=False),
        schema="service",
    )

    Table(
        "job_applicants",
        md,
        Column("applicant_id", Integer, primary_key=True, autoincrement=False),
        Column("fornavn", String(100), nullable=False),
        Column("etternavn", String(100), nullable=False),
        Column("epost", String(254)),
        Column("telefon", String(20)),
        Column("adresse", String(200)),
        Column("postnummer", String(4)),
        Column("poststed", String(100)),
        Column("fodselsdato", Date),
        Column("stilling", String(100), nullable=False),
        Column("soknadsdato", Date, nullable=False),
        Column("cv_tekst", Text),
        Column("status", String(20), nullable=False),
        schema="hr",
    )

    Table(
        "blue_prescriptions",
        md,
        Column("prescription_id", Integer, primary_key=True, autoincrement=False),
        Column("customer_id", Integer, *customer_ref(), nullable=False),
        Column("patient_fnr", String(11), nullable=False),
        Column("prescribed_on", Date, nullable=False),
        Column("diagnosis_code", String(10), nullable=False),
        Column("product_id", Integer, nullable=False),
        Column("reimbursed_nok", Numeric(10, 2), nullable=False),
        Column("helfo_reference", String(20), nullable=False),
        schema="health",
    )
    return md
