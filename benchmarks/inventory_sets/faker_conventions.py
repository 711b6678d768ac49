"""Faker-made warehouses in two conventions the first tuning sets did not hold.

A Kimball star schema (``Dim*`` and ``Fact*`` tables in PascalCase, surrogate and
alternate keys, slowly changing dimensions' dates and flags, a date dimension, product
and place names in several languages beside customers and employees), and a French
business database (French column names with and without accents, NIR, SIRET, IBAN; people,
suppliers and their contacts, articles, shops, towns). They were chosen after the held-out
aggregates named a data warehouse and a French CRM weak (a steer: see the sets' README);
their data and labels are this module's own.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from faker import Faker

from benchmarks.inventory_sets.faker_sets import PEOPLE, SEED, _birth, _faker, _table, _when
from benchmarks.inventory_sets.model import EvalSet

# (English, French, Spanish) words for kinds of goods, a star schema's translated columns
DW_CATEGORIES = [
    ("Furniture", "Meubles", "Muebles"),
    ("Lighting", "Éclairage", "Iluminación"),
    ("Kitchen", "Cuisine", "Cocina"),
    ("Garden", "Jardin", "Jardín"),
]
DW_SUBCATEGORIES = [  # (category index, English, French, Spanish, singular in each)
    (0, ("Chairs", "Chaises", "Sillas"), ("Chair", "Chaise", "Silla")),
    (0, ("Sofas", "Canapés", "Sofás"), ("Sofa", "Canapé", "Sofá")),
    (0, ("Bookcases", "Bibliothèques", "Estanterías"), ("Bookcase", "Bibliothèque", "Estantería")),
    (1, ("Floor Lamps", "Lampadaires", "Lámparas de pie"), ("Floor Lamp", "Lampadaire", "Lámpara")),
    (1, ("Pendants", "Suspensions", "Colgantes"), ("Pendant", "Suspension", "Colgante")),
    (2, ("Kettles", "Bouilloires", "Hervidores"), ("Kettle", "Bouilloire", "Hervidor")),
    (2, ("Cookware", "Casseroles", "Ollas"), ("Saucepan", "Casserole", "Olla")),
    (3, ("Parasols", "Parasols", "Sombrillas"), ("Parasol", "Parasol", "Sombrilla")),
    (3, ("Planters", "Jardinières", "Maceteros"), ("Planter", "Jardinière", "Macetero")),
]
DW_COLOURS = [("Black", "noir", "negro"), ("White", "blanc", "blanco"), ("Oak", "chêne", "roble")]
# Product lines named as furniture makers name them: many are given names
DW_MODELS = ["Astrid", "Hugo", "Linnea", "Oskar", "Clara", "Milo", "Vega", "Atlas", "Nova"]
DW_COUNTRIES = [  # locale, code, English, French, Spanish, territory group
    ("en_US", "US", "United States", "États-Unis", "Estados Unidos", "North America"),
    ("en_GB", "GB", "United Kingdom", "Royaume-Uni", "Reino Unido", "Europe"),
    ("fr_FR", "FR", "France", "France", "Francia", "Europe"),
    ("de_DE", "DE", "Germany", "Allemagne", "Alemania", "Europe"),
]
DW_HOLIDAYS = {
    (1, 1): "New Year's Day",
    (1, 15): "Martin Luther King Jr. Day",
    (2, 14): "Saint Valentine's Day",
    (3, 17): "Saint Patrick's Day",
    (7, 4): "Independence Day",
    (7, 14): "Bastille Day",
    (10, 14): "Columbus Day",
    (12, 25): "Christmas Day",
}
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
ES_DAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
EN_MONTHS = [date(2024, m, 1).strftime("%B") for m in range(1, 13)]
FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
EDUCATION = [("Bachelors", "Licence"), ("High School", "Baccalauréat"), ("Graduate", "Master")]
OCCUPATION = [("Professional", "Cadre"), ("Clerical", "Employé"), ("Manual", "Ouvrier")]


def _ascii(word: str) -> str:
    """A name as an e-mail address's local part has it: lower case, no accents or spaces."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "").replace("'", "")


def _date_key(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def faker_dw_star() -> EvalSet:
    """A sales data warehouse: dimensions of customers and employees (people), products,
    promotions, resellers (companies), geography and sales territories (places), dates;
    facts of sales and quotas with amounts and surrogate keys."""
    rng = random.Random(SEED + 21)
    fakers = {c[0]: _faker(c[0], 21 + i) for i, c in enumerate(DW_COUNTRIES)}
    us = fakers["en_US"]
    territories = [
        (i, i, f"{c[2]} {part}", c[2], c[5])
        for i, (c, part) in enumerate(
            ((c, part) for c in DW_COUNTRIES for part in ("North", "South")), start=1
        )
    ]
    geography = []
    for i in range(1, 121):
        country = DW_COUNTRIES[i % len(DW_COUNTRIES)]
        fake = fakers[country[0]]
        region = _region(fake)
        geography.append(
            (
                i,
                fake.city(),
                region[:3].upper(),
                region,
                country[1],
                country[2],
                country[3],
                country[4],
                fake.postcode(),
                1 + 2 * (i % len(DW_COUNTRIES)) + rng.randrange(2),
                us.ipv4_public(),
            )
        )
    dates = []
    for n in range(366):
        day = date(2024, 1, 1) + timedelta(days=n)
        dates.append(
            (
                _date_key(day),
                day,
                day.isoweekday(),
                EN_DAYS[day.weekday()],
                FR_DAYS[day.weekday()],
                ES_DAYS[day.weekday()],
                day.day,
                EN_MONTHS[day.month - 1],
                FR_MONTHS.split()[day.month - 1],
                day.month,
                (day.month - 1) // 3 + 1,
                day.year,
                (day.month + 5) // 3 % 4 + 1,
                day.year + (day.month >= 7),
                day.weekday() >= 5,
                DW_HOLIDAYS.get((day.month, day.day)),
            )
        )
    categories = [(i, i, *names) for i, names in enumerate(DW_CATEGORIES, start=1)]
    subcategories = [
        (i, 100 + i, *plural, category + 1)
        for i, (category, plural, _one) in enumerate(DW_SUBCATEGORIES, start=1)
    ]
    products = []
    for i in range(1, 151):
        sub = rng.randrange(len(DW_SUBCATEGORIES))
        one = DW_SUBCATEGORIES[sub][2]
        model, colour = rng.choice(DW_MODELS), rng.choice(DW_COLOURS)
        size = rng.choice(["S", "M", "L", None])
        cost = round(rng.uniform(5, 600), 4)
        start = _when(rng, 2000).date()
        current = rng.random() < 0.8
        products.append(
            (
                i,
                f"{one[0][:2].upper()}-{model[:2].upper()}{rng.randrange(100, 999)}",
                sub + 1,
                f"{model} {one[0]}, {colour[0]}" + (f", {size}" if size else ""),
                f"{one[1]} {model}, {colour[1]}" + (f", {size}" if size else ""),
                f"{one[2]} {model}, {colour[2]}" + (f", {size}" if size else ""),
                cost,
                round(cost * rng.uniform(1.4, 2.5), 2),
                colour[0],
                size,
                round(rng.uniform(0.3, 40), 2),
                rng.choice(["R", "M", "T", "S"]),
                rng.choice(["H", "M", "L"]),
                f"{model} {rng.choice(['Classic', 'Studio', 'Outdoor'])}",
                us.sentence(nb_words=10),
                fakers["fr_FR"].sentence(nb_words=10),
                start,
                None if current else start + timedelta(days=rng.randrange(30, 700)),
                "Current" if current else None,
            )
        )
    promotions = [
        (1, "No Discount", "Aucune remise", 0.0, "No Discount", date(2023, 1, 1), None),
        *(
            (
                i,
                f"{pct}% {kind[0]}",
                f"{kind[1]} de {pct} %",
                pct / 100,
                kind[0],
                date(2024, rng.randrange(1, 13), 1),
                date(2024, 12, 31),
            )
            for i, (pct, kind) in enumerate(
                (
                    (rng.choice([5, 10, 15, 20, 25]), k)
                    for k in [("Volume Discount", "Remise sur volume")] * 4
                    + [("Seasonal Discount", "Remise saisonnière")] * 5
                ),
                start=2,
            )
        ),
    ]
    currencies = [(1, "USD", "US Dollar"), (2, "GBP", "Pound Sterling"), (3, "EUR", "Euro")]
    customers = [_dw_customer(i, fakers, geography, rng) for i in range(1, 301)]
    employees = [_dw_employee(i, us, rng) for i in range(1, 61)]
    resellers = []
    for i in range(1, 101):
        geo = rng.choice(geography)
        fake = fakers[next(c[0] for c in DW_COUNTRIES if c[1] == geo[4])]
        resellers.append(
            (
                i,
                geo[0],
                f"RS-{i:05d}",
                fake.company(),
                rng.choice(["Warehouse", "Specialty Store", "Value Added Reseller"]),
                fake.phone_number(),
                fake.street_address().replace("\n", ", "),
                f"Unit {rng.randrange(1, 40)}" if rng.random() < 0.3 else None,
                rng.randrange(2, 100),
                rng.choice([300_000, 800_000, 1_500_000, 3_000_000]),
                rng.choice(["Primary Bank", "Reserve Security", "International Bank"]),
                rng.randrange(1970, 2010),
                rng.choice(["A", "S", "Q"]),
            )
        )
    date_keys = [d[0] for d in dates]
    internet_sales, reseller_sales = [], []
    for i in range(1, 301):
        product = rng.choice(products)
        ordered = rng.randrange(len(date_keys) - 12)
        quantity = rng.randrange(1, 5)
        amount = round(product[7] * quantity, 4)
        internet_sales.append(
            (
                f"SO{60000 + i}",
                1,
                product[0],
                date_keys[ordered],
                date_keys[ordered + 12],
                date_keys[ordered + 7],
                rng.choice(customers)[0],
                rng.choice(promotions)[0],
                rng.randrange(1, 4),
                rng.randrange(1, len(territories) + 1),
                quantity,
                product[7],
                amount,
                product[6],
                round(amount * 0.08, 4),
                round(amount * 0.025, 4),
                None,
                None,
            )
        )
        reseller_sales.append(
            (
                f"SO{70000 + i}",
                rng.randrange(1, 4),
                rng.choice(products)[0],
                date_keys[ordered],
                rng.choice(resellers)[0],
                rng.choice(employees[1:])[0],
                rng.choice(promotions)[0],
                rng.randrange(1, len(territories) + 1),
                rng.randrange(1, 30),
                round(rng.uniform(5, 900), 4),
                round(rng.uniform(0, 0.1), 4),
                round(rng.uniform(50, 20000), 4),
                us.bothify("####-####-??").upper(),
                f"PO{rng.randrange(10**9, 10**10)}",
            )
        )
    quotas = [
        (
            i,
            rng.choice(employees[1:])[0],
            _date_key(date(2024, 3 * q - 2, 1)),
            2024,
            q,
            float(rng.randrange(50, 500) * 1000),
        )
        for i, q in ((i, 1 + i % 4) for i in range(1, 121))
    ]
    return EvalSet(
        "faker_dw_star", "Faker en_US, en_GB, fr_FR, de_DE, seeded", _dw_tables(locals())
    )


def _region(fake: Faker) -> str:
    for provider in ("state", "region", "county"):
        if hasattr(fake, provider):
            value = getattr(fake, provider)()
            return value if isinstance(value, str) else value[1]
    raise AssertionError("a locale without regions")


def _dw_customer(i: int, fakers: dict[str, Faker], geography: list, rng: random.Random) -> tuple:
    geo = rng.choice(geography)
    fake = fakers[next(c[0] for c in DW_COUNTRIES if c[1] == geo[4])]
    female = rng.random() < 0.5
    first = fake.first_name_female() if female else fake.first_name_male()
    last = fake.last_name()
    education, occupation = rng.choice(EDUCATION), rng.choice(OCCUPATION)
    start = _when(rng, 2500).date()
    moved = rng.random() < 0.2
    return (
        1000 + i,
        geo[0],
        f"CU{500000 + i}",
        (rng.choice(["Ms.", "Mrs."]) if female else "Mr.") if rng.random() < 0.4 else None,
        first,
        rng.choice("ABCDEFGHJKLMNPRSTW") + "." if rng.random() < 0.5 else None,
        last,
        False,
        rng.choice(["Jr.", "Sr.", "II"]) if rng.random() < 0.05 else None,
        _birth(rng),
        rng.choice("MS"),
        "F" if female else "M",
        f"{_ascii(first)}.{_ascii(last)}{rng.randrange(10, 99)}@{fake.free_email_domain()}",
        float(rng.randrange(2, 17) * 10000),
        rng.randrange(0, 5),
        rng.randrange(0, 3),
        education[0],
        education[1],
        occupation[0],
        occupation[1],
        rng.random() < 0.6,
        rng.randrange(0, 4),
        fake.street_address().replace("\n", ", "),
        fake.secondary_address()
        if hasattr(fake, "secondary_address") and rng.random() < 0.2
        else None,
        fake.phone_number(),
        start,
        rng.choice(["0-1 Miles", "1-2 Miles", "2-5 Miles", "5-10 Miles", "10+ Miles"]),
        start,
        start + timedelta(days=rng.randrange(30, 900)) if moved else None,
        not moved,
    )


def _dw_employee(i: int, us: Faker, rng: random.Random) -> tuple:
    female = rng.random() < 0.5
    first = us.first_name_female() if female else us.first_name_male()
    last = us.last_name()
    hired = _when(rng, 5000).date()
    current = rng.random() < 0.85
    title = (
        "Chief Sales Officer"
        if i == 1
        else rng.choice(["Sales Representative", "Sales Manager", "Buyer", "Production Technician"])
    )
    return (
        i,
        None if i == 1 else rng.randrange(1, max(2, i // 3 + 1)),
        us.ssn().replace("-", ""),
        rng.randrange(1, 9),
        first,
        last,
        rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.6 else None,
        False,
        title,
        hired,
        _birth(rng),
        f"corp\\{first.lower()}{i}",
        f"{first.lower()}{i}@northstar-furnishings.com",
        us.phone_number(),
        rng.choice("MS"),
        us.name(),
        us.phone_number(),
        rng.random() < 0.4,
        "F" if female else "M",
        rng.choice([1, 2]),
        round(rng.uniform(9, 70), 4),
        rng.randrange(0, 100),
        rng.randrange(20, 80),
        current,
        title.startswith("Sales"),
        rng.choice(["Sales", "Purchasing", "Production", "Executive"]),
        hired,
        None if current else hired + timedelta(days=rng.randrange(100, 2000)),
        "Current" if current else None,
    )


def _dw_tables(v: dict) -> list:
    dw = "dw"
    return [
        _table(
            dw,
            "DimSalesTerritory",
            [
                ("SalesTerritoryKey", "integer"),
                ("SalesTerritoryAlternateKey", "integer"),
                ("SalesTerritoryRegion", "varchar(50)"),
                ("SalesTerritoryCountry", "varchar(50)"),
                ("SalesTerritoryGroup", "varchar(50)"),
            ],
            ["SalesTerritoryKey"],
            v["territories"],
        ),
        _table(
            dw,
            "DimGeography",
            [
                ("GeographyKey", "integer"),
                ("City", "varchar(60)"),
                ("StateProvinceCode", "varchar(3)"),
                ("StateProvinceName", "varchar(60)"),
                ("CountryRegionCode", "varchar(3)"),
                ("EnglishCountryRegionName", "varchar(50)"),
                ("FrenchCountryRegionName", "varchar(50)"),
                ("SpanishCountryRegionName", "varchar(50)"),
                ("PostalCode", "varchar(15)"),
                ("SalesTerritoryKey", "integer"),
                ("IpAddressLocator", "varchar(15)"),
            ],
            ["GeographyKey"],
            v["geography"],
            [(["SalesTerritoryKey"], f"{dw}.DimSalesTerritory", ["SalesTerritoryKey"])],
        ),
        _table(
            dw,
            "DimDate",
            [
                ("DateKey", "integer"),
                ("FullDateAlternateKey", "date"),
                ("DayNumberOfWeek", "integer"),
                ("EnglishDayNameOfWeek", "varchar(10)"),
                ("FrenchDayNameOfWeek", "varchar(10)"),
                ("SpanishDayNameOfWeek", "varchar(10)"),
                ("DayNumberOfMonth", "integer"),
                ("EnglishMonthName", "varchar(10)"),
                ("FrenchMonthName", "varchar(10)"),
                ("MonthNumberOfYear", "integer"),
                ("CalendarQuarter", "integer"),
                ("CalendarYear", "integer"),
                ("FiscalQuarter", "integer"),
                ("FiscalYear", "integer"),
                ("IsWeekend", "boolean"),
                ("HolidayName", "varchar(40)"),
            ],
            ["DateKey"],
            v["dates"],
        ),
        _table(
            dw,
            "DimProductCategory",
            [
                ("ProductCategoryKey", "integer"),
                ("ProductCategoryAlternateKey", "integer"),
                ("EnglishProductCategoryName", "varchar(50)"),
                ("FrenchProductCategoryName", "varchar(50)"),
                ("SpanishProductCategoryName", "varchar(50)"),
            ],
            ["ProductCategoryKey"],
            v["categories"],
        ),
        _table(
            dw,
            "DimProductSubcategory",
            [
                ("ProductSubcategoryKey", "integer"),
                ("ProductSubcategoryAlternateKey", "integer"),
                ("EnglishProductSubcategoryName", "varchar(50)"),
                ("FrenchProductSubcategoryName", "varchar(50)"),
                ("SpanishProductSubcategoryName", "varchar(50)"),
                ("ProductCategoryKey", "integer"),
            ],
            ["ProductSubcategoryKey"],
            v["subcategories"],
            [(["ProductCategoryKey"], f"{dw}.DimProductCategory", ["ProductCategoryKey"])],
        ),
        _table(
            dw,
            "DimProduct",
            [
                ("ProductKey", "integer"),
                ("ProductAlternateKey", "varchar(25)"),
                ("ProductSubcategoryKey", "integer"),
                ("EnglishProductName", "varchar(80)"),
                ("FrenchProductName", "varchar(80)"),
                ("SpanishProductName", "varchar(80)"),
                ("StandardCost", "numeric(19,4)"),
                ("ListPrice", "numeric(19,4)"),
                ("Color", "varchar(15)"),
                ("Size", "varchar(5)"),
                ("Weight", "numeric(8,2)"),
                ("ProductLine", "varchar(2)"),
                ("Class", "varchar(2)"),
                ("ModelName", "varchar(50)"),
                ("EnglishDescription", "varchar(400)"),
                ("FrenchDescription", "varchar(400)"),
                ("StartDate", "date"),
                ("EndDate", "date"),
                ("Status", "varchar(7)"),
            ],
            ["ProductKey"],
            v["products"],
            [
                (
                    ["ProductSubcategoryKey"],
                    f"{dw}.DimProductSubcategory",
                    ["ProductSubcategoryKey"],
                )
            ],
        ),
        _table(
            dw,
            "DimPromotion",
            [
                ("PromotionKey", "integer"),
                ("EnglishPromotionName", "varchar(60)"),
                ("FrenchPromotionName", "varchar(60)"),
                ("DiscountPct", "float"),
                ("EnglishPromotionType", "varchar(50)"),
                ("StartDate", "date"),
                ("EndDate", "date"),
            ],
            ["PromotionKey"],
            v["promotions"],
        ),
        _table(
            dw,
            "DimCurrency",
            [
                ("CurrencyKey", "integer"),
                ("CurrencyAlternateKey", "varchar(3)"),
                ("CurrencyName", "varchar(50)"),
            ],
            ["CurrencyKey"],
            v["currencies"],
        ),
        _table(
            dw,
            "DimCustomer",
            [
                ("CustomerKey", "integer"),
                ("GeographyKey", "integer"),
                ("CustomerAlternateKey", "varchar(15)"),
                ("Title", "varchar(8)"),
                ("FirstName", "varchar(50)"),
                ("MiddleName", "varchar(50)"),
                ("LastName", "varchar(50)"),
                ("NameStyle", "boolean"),
                ("Suffix", "varchar(10)"),
                ("BirthDate", "date"),
                ("MaritalStatus", "varchar(1)"),
                ("Gender", "varchar(1)"),
                ("EmailAddress", "varchar(100)"),
                ("YearlyIncome", "numeric(19,4)"),
                ("TotalChildren", "integer"),
                ("NumberChildrenAtHome", "integer"),
                ("EnglishEducation", "varchar(40)"),
                ("FrenchEducation", "varchar(40)"),
                ("EnglishOccupation", "varchar(100)"),
                ("FrenchOccupation", "varchar(100)"),
                ("HouseOwnerFlag", "boolean"),
                ("NumberCarsOwned", "integer"),
                ("AddressLine1", "varchar(120)"),
                ("AddressLine2", "varchar(120)"),
                ("Phone", "varchar(25)"),
                ("DateFirstPurchase", "date"),
                ("CommuteDistance", "varchar(15)"),
                ("RowStartDate", "date"),
                ("RowEndDate", "date"),
                ("IsCurrent", "boolean"),
            ],
            ["CustomerKey"],
            v["customers"],
            [(["GeographyKey"], f"{dw}.DimGeography", ["GeographyKey"])],
        ),
        _table(
            dw,
            "DimEmployee",
            [
                ("EmployeeKey", "integer"),
                ("ParentEmployeeKey", "integer"),
                ("EmployeeNationalIDAlternateKey", "varchar(15)"),
                ("SalesTerritoryKey", "integer"),
                ("FirstName", "varchar(50)"),
                ("LastName", "varchar(50)"),
                ("MiddleName", "varchar(50)"),
                ("NameStyle", "boolean"),
                ("Title", "varchar(50)"),
                ("HireDate", "date"),
                ("BirthDate", "date"),
                ("LoginID", "varchar(256)"),
                ("EmailAddress", "varchar(100)"),
                ("Phone", "varchar(25)"),
                ("MaritalStatus", "varchar(1)"),
                ("EmergencyContactName", "varchar(50)"),
                ("EmergencyContactPhone", "varchar(25)"),
                ("SalariedFlag", "boolean"),
                ("Gender", "varchar(1)"),
                ("PayFrequency", "integer"),
                ("BaseRate", "numeric(19,4)"),
                ("VacationHours", "integer"),
                ("SickLeaveHours", "integer"),
                ("CurrentFlag", "boolean"),
                ("SalesPersonFlag", "boolean"),
                ("DepartmentName", "varchar(50)"),
                ("StartDate", "date"),
                ("EndDate", "date"),
                ("Status", "varchar(50)"),
            ],
            ["EmployeeKey"],
            v["employees"],
            [
                (["ParentEmployeeKey"], f"{dw}.DimEmployee", ["EmployeeKey"]),
                (["SalesTerritoryKey"], f"{dw}.DimSalesTerritory", ["SalesTerritoryKey"]),
            ],
        ),
        _table(
            dw,
            "DimReseller",
            [
                ("ResellerKey", "integer"),
                ("GeographyKey", "integer"),
                ("ResellerAlternateKey", "varchar(15)"),
                ("ResellerName", "varchar(80)"),
                ("BusinessType", "varchar(25)"),
                ("Phone", "varchar(30)"),
                ("AddressLine1", "varchar(120)"),
                ("AddressLine2", "varchar(60)"),
                ("NumberEmployees", "integer"),
                ("AnnualSales", "numeric(19,4)"),
                ("BankName", "varchar(50)"),
                ("YearOpened", "integer"),
                ("OrderFrequency", "varchar(1)"),
            ],
            ["ResellerKey"],
            v["resellers"],
            [(["GeographyKey"], f"{dw}.DimGeography", ["GeographyKey"])],
        ),
        _table(
            dw,
            "FactInternetSales",
            [
                ("SalesOrderNumber", "varchar(20)"),
                ("SalesOrderLineNumber", "integer"),
                ("ProductKey", "integer"),
                ("OrderDateKey", "integer"),
                ("DueDateKey", "integer"),
                ("ShipDateKey", "integer"),
                ("CustomerKey", "integer"),
                ("PromotionKey", "integer"),
                ("CurrencyKey", "integer"),
                ("SalesTerritoryKey", "integer"),
                ("OrderQuantity", "integer"),
                ("UnitPrice", "numeric(19,4)"),
                ("SalesAmount", "numeric(19,4)"),
                ("ProductStandardCost", "numeric(19,4)"),
                ("TaxAmt", "numeric(19,4)"),
                ("Freight", "numeric(19,4)"),
                ("CarrierTrackingNumber", "varchar(25)"),
                ("CustomerPONumber", "varchar(25)"),
            ],
            ["SalesOrderNumber", "SalesOrderLineNumber"],
            v["internet_sales"],
            [
                (["ProductKey"], f"{dw}.DimProduct", ["ProductKey"]),
                (["OrderDateKey"], f"{dw}.DimDate", ["DateKey"]),
                (["DueDateKey"], f"{dw}.DimDate", ["DateKey"]),
                (["ShipDateKey"], f"{dw}.DimDate", ["DateKey"]),
                (["CustomerKey"], f"{dw}.DimCustomer", ["CustomerKey"]),
                (["PromotionKey"], f"{dw}.DimPromotion", ["PromotionKey"]),
                (["CurrencyKey"], f"{dw}.DimCurrency", ["CurrencyKey"]),
                (["SalesTerritoryKey"], f"{dw}.DimSalesTerritory", ["SalesTerritoryKey"]),
            ],
        ),
        _table(
            dw,
            "FactResellerSales",
            [
                ("SalesOrderNumber", "varchar(20)"),
                ("SalesOrderLineNumber", "integer"),
                ("ProductKey", "integer"),
                ("OrderDateKey", "integer"),
                ("ResellerKey", "integer"),
                ("EmployeeKey", "integer"),
                ("PromotionKey", "integer"),
                ("SalesTerritoryKey", "integer"),
                ("OrderQuantity", "integer"),
                ("UnitPrice", "numeric(19,4)"),
                ("UnitPriceDiscountPct", "float"),
                ("SalesAmount", "numeric(19,4)"),
                ("CarrierTrackingNumber", "varchar(25)"),
                ("CustomerPONumber", "varchar(25)"),
            ],
            ["SalesOrderNumber", "SalesOrderLineNumber"],
            v["reseller_sales"],
            [
                (["ProductKey"], f"{dw}.DimProduct", ["ProductKey"]),
                (["OrderDateKey"], f"{dw}.DimDate", ["DateKey"]),
                (["ResellerKey"], f"{dw}.DimReseller", ["ResellerKey"]),
                (["EmployeeKey"], f"{dw}.DimEmployee", ["EmployeeKey"]),
                (["PromotionKey"], f"{dw}.DimPromotion", ["PromotionKey"]),
                (["SalesTerritoryKey"], f"{dw}.DimSalesTerritory", ["SalesTerritoryKey"]),
            ],
        ),
        _table(
            dw,
            "FactSalesQuota",
            [
                ("SalesQuotaKey", "integer"),
                ("EmployeeKey", "integer"),
                ("DateKey", "integer"),
                ("CalendarYear", "integer"),
                ("CalendarQuarter", "integer"),
                ("SalesAmountQuota", "numeric(19,4)"),
            ],
            ["SalesQuotaKey"],
            v["quotas"],
            [
                (["EmployeeKey"], f"{dw}.DimEmployee", ["EmployeeKey"]),
                (["DateKey"], f"{dw}.DimDate", ["DateKey"]),
            ],
        ),
    ]


FR_ARTICLES = ["Chaise", "Table basse", "Lampe", "Bouilloire", "Tapis", "Étagère", "Coussin"]
FR_CATEGORIES = ["Mobilier", "Luminaires", "Cuisine", "Décoration", "Textile", "Jardin"]
FR_NOTES = [
    "Client mécontent du délai de livraison, geste commercial accordé.",
    "Demande de facture rectificative, transmise à la comptabilité.",
    "Souhaite être recontacté le matin uniquement.",
    "Retour produit accepté, avoir émis.",
    "Réclamation sur un article abîmé à la livraison.",
]


def _fr_mobile(rng: random.Random) -> str:
    digits = [rng.choice("67"), *(str(rng.randrange(10)) for _ in range(8))]
    pairs = [("0" + digits[0]), *("".join(digits[i : i + 2]) for i in range(1, 9, 2))]
    return " ".join(pairs) if rng.random() < 0.7 else "+33 " + " ".join([digits[0], *pairs[1:]])


def faker_fr_gestion() -> EvalSet:
    """fr_FR business database: customers, staff and suppliers' contacts (people, with NIR,
    IBAN, French mobiles), suppliers (SIRET, companies' addresses), articles, books with
    their authors, categories, shops and a lookup of towns; French column names, some with
    accents, some without."""
    fake, rng = _faker("fr_FR", 31), random.Random(SEED + 31)
    clients, commandes = [], []
    for i in range(1, PEOPLE + 1):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        note = rng.choice(FR_NOTES) if rng.random() < 0.6 else None
        if note and rng.random() < 0.3:
            note += f" Rappeler au {_fr_mobile(rng)}."
        clients.append(
            (
                i,
                "Mme" if female else "M.",
                first,
                last,
                fake.last_name() if female and rng.random() < 0.3 else None,
                _birth(rng),
                fake.street_address(),
                rng.choice(["Bâtiment B", "Appartement 12", "Résidence les Tilleuls"])
                if rng.random() < 0.25
                else None,
                fake.postcode(),
                fake.city(),
                "France",
                fake.phone_number() if rng.random() < 0.7 else None,
                _fr_mobile(rng),
                f"{_ascii(first)}.{_ascii(last)}@{fake.free_email_domain()}",
                fake.ssn(),
                fake.iban(),
                fake.swift(),
                _when(rng).date(),
                note,
            )
        )
    salaries = []
    for i in range(1, 121):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        salaries.append(
            (
                f"S{i:04d}",
                last,
                first,
                fake.last_name() if female and rng.random() < 0.3 else None,
                "F" if female else "H",
                _birth(rng),
                fake.ssn(),
                fake.street_address(),
                fake.postcode(),
                fake.city(),
                fake.phone_number() if rng.random() < 0.5 else None,
                _fr_mobile(rng),
                f"{_ascii(first)}.{_ascii(last)}@maison-durand.fr",
                rng.choice(["Vendeur", "Chef de rayon", "Magasinier", "Comptable", "Directeur"]),
                rng.choice(["Ventes", "Logistique", "Finance", "Direction"]),
                _when(rng, 6000).date(),
                rng.randrange(21_000, 70_000),
                fake.iban(),
                None if i == 1 else f"S{rng.randrange(1, max(2, i // 4 + 1)):04d}",
            )
        )
    fournisseurs, contacts = [], []
    for i in range(1, 61):
        siret = fake.siret()
        fournisseurs.append(
            (
                i,
                f"{fake.last_name()} {rng.choice(['et Fils', 'Industries', 'Distribution'])}",
                rng.choice(["SARL", "SAS", "SA", "EURL"]),
                siret,
                f"FR{rng.randrange(10, 99)}{siret.replace(' ', '')[:9]}",
                fake.street_address(),
                fake.postcode(),
                fake.city(),
                fake.phone_number(),
                f"https://www.{_ascii(fake.last_name())}.fr",
                rng.choice(["30 jours fin de mois", "45 jours", "comptant"]),
            )
        )
        for _ in range(rng.randrange(1, 3)):
            female = rng.random() < 0.5
            first = fake.first_name_female() if female else fake.first_name_male()
            last = fake.last_name()
            contacts.append(
                (
                    len(contacts) + 1,
                    i,
                    "Mme" if female else "M.",
                    last,
                    first,
                    rng.choice(["Commercial", "Responsable export", "Assistante ADV"]),
                    fake.phone_number(),
                    _fr_mobile(rng) if rng.random() < 0.6 else None,
                    f"{_ascii(first[0])}{_ascii(last)}@{_ascii(fake.last_name())}.fr",
                )
            )
    categories = [
        (i, name, name[:4].upper(), None if i <= 3 else rng.randrange(1, 4))
        for i, name in enumerate(FR_CATEGORIES, start=1)
    ]
    articles = [
        (
            f"ART{i:05d}",
            f"{rng.choice(FR_ARTICLES)} {fake.color_name().lower()} {rng.randrange(10, 99)}",
            fake.sentence(nb_words=12),
            rng.randrange(1, len(FR_CATEGORIES) + 1),
            rng.randrange(1, 61),
            f"{fake.last_name()} Design",
            rng.choice(["XS", "S", "M", "L", None]),
            round(rng.uniform(3, 500), 2),
            rng.choice([5.5, 10.0, 20.0]),
            fake.ean13(),
        )
        for i in range(1, 201)
    ]
    ouvrages = [
        (
            fake.isbn13(),
            fake.catch_phrase(),
            fake.name(),
            f"Éditions {fake.last_name()}",
            rng.randrange(1950, 2026),
            round(rng.uniform(6, 45), 2),
        )
        for _ in range(120)
    ]
    magasins = [
        (
            f"MAG{i:03d}",
            f"Maison Durand {fake.city()}",
            fake.street_address(),
            fake.postcode(),
            fake.city(),
            fake.phone_number(),
            f"S{rng.randrange(1, 121):04d}",
            rng.randrange(300, 4000),
            _when(rng, 9000).date(),
        )
        for i in range(1, 31)
    ]
    for i in range(1, PEOPLE + 1):
        commandes.append(
            (
                f"C{2024000 + i}",
                rng.randrange(1, PEOPLE + 1),
                _when(rng),
                round(rng.uniform(10, 1500), 2),
                rng.choice(["CB", "Chèque", "Virement", "Espèces"]),
                rng.choice(magasins)[0],
                fake.street_address(),
                fake.postcode(),
                fake.city(),
            )
        )
    villes = []
    for _ in range(150):
        number, department = fake.department()
        villes.append(
            (
                f"{number}{rng.randrange(1, 999):03d}"[:5],
                fake.city(),
                fake.postcode(),
                department,
                fake.region(),
                rng.randrange(200, 500_000),
            )
        )
    return EvalSet("faker_fr_gestion", "Faker fr_FR, seeded", _fr_tables(locals()))


def _fr_tables(v: dict) -> list:
    g = "gestion"
    return [
        _table(
            g,
            "clients",
            [
                ("code_client", "integer"),
                ("civilité", "varchar(4)"),
                ("prénom", "varchar(40)"),
                ("nom", "varchar(40)"),
                ("nom_jeune_fille", "varchar(40)"),
                ("date_naissance", "date"),
                ("adresse", "varchar(120)"),
                ("complément_adresse", "varchar(60)"),
                ("code_postal", "varchar(5)"),
                ("ville", "varchar(60)"),
                ("pays", "varchar(40)"),
                ("téléphone", "varchar(25)"),
                ("portable", "varchar(25)"),
                ("courriel", "varchar(120)"),
                ("numéro_sécu", "varchar(15)"),
                ("iban", "varchar(34)"),
                ("bic", "varchar(11)"),
                ("date_création", "date"),
                ("commentaire", "text"),
            ],
            ["code_client"],
            v["clients"],
        ),
        _table(
            g,
            "salaries",
            [
                ("matricule", "varchar(5)"),
                ("nom", "varchar(40)"),
                ("prenom", "varchar(40)"),
                ("nom_usage", "varchar(40)"),
                ("sexe", "varchar(1)"),
                ("date_naiss", "date"),
                ("nir", "varchar(15)"),
                ("adresse", "varchar(120)"),
                ("cp", "varchar(5)"),
                ("ville", "varchar(60)"),
                ("tel_domicile", "varchar(25)"),
                ("tel_portable", "varchar(25)"),
                ("email_pro", "varchar(120)"),
                ("poste", "varchar(40)"),
                ("service", "varchar(40)"),
                ("date_entree", "date"),
                ("salaire_brut", "integer"),
                ("rib_iban", "varchar(34)"),
                ("matricule_responsable", "varchar(5)"),
            ],
            ["matricule"],
            v["salaries"],
            [(["matricule_responsable"], f"{g}.salaries", ["matricule"])],
        ),
        _table(
            g,
            "fournisseurs",
            [
                ("id_fournisseur", "integer"),
                ("raison_sociale", "varchar(120)"),
                ("forme_juridique", "varchar(5)"),
                ("siret", "varchar(17)"),
                ("tva_intracom", "varchar(13)"),
                ("adresse", "varchar(120)"),
                ("code_postal", "varchar(5)"),
                ("ville", "varchar(60)"),
                ("telephone", "varchar(25)"),
                ("site_web", "varchar(120)"),
                ("conditions_paiement", "varchar(40)"),
            ],
            ["id_fournisseur"],
            v["fournisseurs"],
        ),
        _table(
            g,
            "contacts_fournisseurs",
            [
                ("id_contact", "integer"),
                ("id_fournisseur", "integer"),
                ("civilite", "varchar(4)"),
                ("nom", "varchar(40)"),
                ("prenom", "varchar(40)"),
                ("fonction", "varchar(40)"),
                ("tel_direct", "varchar(25)"),
                ("portable", "varchar(25)"),
                ("courriel", "varchar(120)"),
            ],
            ["id_contact"],
            v["contacts"],
            [(["id_fournisseur"], f"{g}.fournisseurs", ["id_fournisseur"])],
        ),
        _table(
            g,
            "catégories",
            [
                ("id_catégorie", "integer"),
                ("libellé", "varchar(40)"),
                ("libellé_court", "varchar(4)"),
                ("id_parent", "integer"),
            ],
            ["id_catégorie"],
            v["categories"],
            [(["id_parent"], f"{g}.catégories", ["id_catégorie"])],
        ),
        _table(
            g,
            "articles",
            [
                ("ref_article", "varchar(8)"),
                ("désignation", "varchar(120)"),
                ("description", "text"),
                ("id_catégorie", "integer"),
                ("id_fournisseur", "integer"),
                ("marque", "varchar(60)"),
                ("taille", "varchar(3)"),
                ("prix_ht", "numeric(10,2)"),
                ("taux_tva", "numeric(4,1)"),
                ("code_ean", "varchar(13)"),
            ],
            ["ref_article"],
            v["articles"],
            [
                (["id_catégorie"], f"{g}.catégories", ["id_catégorie"]),
                (["id_fournisseur"], f"{g}.fournisseurs", ["id_fournisseur"]),
            ],
        ),
        _table(
            g,
            "ouvrages",
            [
                ("isbn", "varchar(17)"),
                ("titre", "varchar(120)"),
                ("auteur", "varchar(80)"),
                ("editeur", "varchar(80)"),
                ("annee_parution", "integer"),
                ("prix", "numeric(6,2)"),
            ],
            ["isbn"],
            list({o[0]: o for o in v["ouvrages"]}.values()),
        ),
        _table(
            g,
            "magasins",
            [
                ("code_magasin", "varchar(6)"),
                ("nom_magasin", "varchar(80)"),
                ("adresse", "varchar(120)"),
                ("code_postal", "varchar(5)"),
                ("ville", "varchar(60)"),
                ("téléphone", "varchar(25)"),
                ("matricule_responsable", "varchar(5)"),
                ("surface_m2", "integer"),
                ("date_ouverture", "date"),
            ],
            ["code_magasin"],
            v["magasins"],
            [(["matricule_responsable"], f"{g}.salaries", ["matricule"])],
        ),
        _table(
            g,
            "commandes",
            [
                ("num_commande", "varchar(10)"),
                ("code_client", "integer"),
                ("date_commande", "timestamp"),
                ("montant_ttc", "numeric(10,2)"),
                ("mode_paiement", "varchar(10)"),
                ("code_magasin", "varchar(6)"),
                ("adresse_livraison", "varchar(120)"),
                ("cp_livraison", "varchar(5)"),
                ("ville_livraison", "varchar(60)"),
            ],
            ["num_commande"],
            v["commandes"],
            [
                (["code_client"], f"{g}.clients", ["code_client"]),
                (["code_magasin"], f"{g}.magasins", ["code_magasin"]),
            ],
        ),
        _table(
            "ref",
            "villes",
            [
                ("code_insee", "varchar(5)"),
                ("nom", "varchar(60)"),
                ("code_postal", "varchar(5)"),
                ("département", "varchar(40)"),
                ("région", "varchar(40)"),
                ("population", "integer"),
            ],
            ["code_insee"],
            list({c[0]: c for c in v["villes"]}.values()),
        ),
    ]


QC_HOLIDAYS = {
    (1, 1): "Jour de l'An",
    (5, 20): "Journée nationale des patriotes",
    (6, 24): "Saint-Jean-Baptiste",
    (7, 1): "Fête du Canada",
    (9, 2): "Fête du Travail",
    (10, 14): "Action de grâce",
    (12, 25): "Noël",
}
QC_MODELS = ["Céleste", "Jules", "Margot", "Émile", "Rosalie", "Félix", "Boréal", "Laurentide"]
QC_PRODUCTS = [("Fauteuil", "Armchair"), ("Table", "Table"), ("Lampe", "Lamp"), ("Tapis", "Rug")]


def _qc_phone(rng: random.Random) -> str:
    area = rng.choice(["514", "438", "418", "450", "819"])
    number = f"{rng.randrange(200, 999)}-{rng.randrange(10000):04d}"
    return rng.choice([f"{area}-{number}", f"({area}) {number}", f"1-{area}-{number}"])


def faker_dw_qc() -> EvalSet:
    """A Quebec retailer's warehouse, in French snake_case: ``dim_``/``fait_`` tables, keys
    written ``cle_``, ``_sk`` and ``_bk``, validity dates; customers with a SIN (NAS),
    employees, shops, suppliers (NEQ), products named for people, a date dimension."""
    fake, rng = _faker("fr_CA", 41), random.Random(SEED + 41)
    ca = _faker("en_CA", 42)
    provinces = [("QC", "Québec"), ("ON", "Ontario"), ("NB", "Nouveau-Brunswick")]
    geographie = []
    for i in range(1, 81):
        code, province = rng.choice(provinces)
        geographie.append(
            (
                i,
                fake.city(),
                province,
                code,
                "Canada",
                rng.choice(["Est", "Centre", "Ouest"]),
                ca.postcode()[:3],
            )
        )
    dates = []
    for n in range(300):
        day = date(2025, 1, 1) + timedelta(days=n)
        dates.append(
            (
                _date_key(day),
                day,
                FR_DAYS[day.weekday()],
                FR_MONTHS.split()[day.month - 1],
                (day.month - 1) // 3 + 1,
                day.year,
                (day.month, day.day) in QC_HOLIDAYS,
                QC_HOLIDAYS.get((day.month, day.day)),
            )
        )
    clients = []
    for i in range(1, PEOPLE + 1):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        code, province = rng.choice(provinces)
        start = _when(rng, 2000).date()
        current = rng.random() < 0.8
        clients.append(
            (
                i,
                f"QC-{100000 + i}",
                rng.randrange(1, 81),
                "Mme" if female else "M.",
                first,
                last,
                _birth(rng),
                "F" if female else "M",
                f"{_ascii(first)}.{_ascii(last)}@{rng.choice(['videotron.ca', 'gmail.com'])}",
                _qc_phone(rng),
                fake.street_address(),
                fake.city(),
                code,
                ca.postcode(),
                ca.ssn() if rng.random() < 0.6 else None,
                rng.choice(["fr", "fr", "en"]),
                float(rng.randrange(2, 15) * 10000),
                start,
                None if current else start + timedelta(days=rng.randrange(30, 700)),
                current,
            )
        )
    employes = []
    for i in range(1, 61):
        first, last = fake.first_name(), fake.last_name()
        employes.append(
            (
                i,
                f"E{5000 + i}",
                first,
                last,
                rng.choice(["Conseiller aux ventes", "Gérant", "Caissier", "Commis"]),
                f"{_ascii(first)[0]}{_ascii(last)}@meubles-boreal.ca",
                f"poste {rng.randrange(100, 999)}",
                _when(rng, 5000).date(),
                None if i == 1 else rng.randrange(1, max(2, i // 3 + 1)),
                rng.random() < 0.9,
            )
        )
    magasins = [
        (
            i,
            f"MB{i:03d}",
            f"Meubles Boréal {fake.city()}",
            fake.street_address(),
            fake.city(),
            ca.postcode(),
            _qc_phone(rng),
            rng.randrange(1, 61),
            rng.randrange(800, 6000),
        )
        for i in range(1, 26)
    ]
    fournisseurs = [
        (
            i,
            fake.company(),
            str(rng.randrange(1140000000, 1179999999)),
            _qc_phone(rng),
            fake.street_address(),
            fake.city(),
        )
        for i in range(1, 41)
    ]
    produits = []
    for i in range(1, 151):
        kind, model = rng.choice(QC_PRODUCTS), rng.choice(QC_MODELS)
        start = _when(rng, 2000).date()
        current = rng.random() < 0.8
        produits.append(
            (
                i,
                f"P{20000 + i}",
                f"{kind[0]} {model}",
                f"{model} {kind[1]}",
                model,
                rng.choice(["noyer", "chêne", "gris", "blanc"]),
                kind[0],
                round(rng.uniform(20, 2500), 2),
                rng.randrange(1, 41),
                start,
                None if current else start + timedelta(days=rng.randrange(30, 900)),
                "actif" if current else "retiré",
            )
        )
    ventes = [
        (
            f"F{900000 + i}",
            rng.choice(dates)[0],
            rng.randrange(1, PEOPLE + 1),
            rng.randrange(1, 151),
            rng.randrange(1, 26),
            rng.randrange(2, 61),
            rng.randrange(1, 5),
            (gross := round(rng.uniform(20, 3000), 2)),
            round(gross * 0.05, 2),
            round(gross * 0.09975, 2),
        )
        for i in range(1, 301)
    ]
    inventaire = [
        (n, rng.choice(dates)[0], rng.randrange(1, 151), rng.randrange(1, 26), rng.randrange(0, 80))
        for n in range(1, 201)
    ]
    return EvalSet("faker_dw_qc", "Faker fr_CA and en_CA, seeded", _qc_tables(locals()))


def _qc_tables(v: dict) -> list:
    e = "entrepot"
    return [
        _table(
            e,
            "dim_geographie",
            [
                ("cle_geographie", "integer"),
                ("ville", "varchar(60)"),
                ("province", "varchar(40)"),
                ("code_province", "varchar(2)"),
                ("pays", "varchar(20)"),
                ("region_ventes", "varchar(10)"),
                ("prefixe_postal", "varchar(3)"),
            ],
            ["cle_geographie"],
            v["geographie"],
        ),
        _table(
            e,
            "dim_date",
            [
                ("cle_date", "integer"),
                ("date_complete", "date"),
                ("jour_semaine", "varchar(10)"),
                ("nom_mois", "varchar(10)"),
                ("trimestre", "integer"),
                ("annee", "integer"),
                ("est_ferie", "boolean"),
                ("nom_ferie", "varchar(40)"),
            ],
            ["cle_date"],
            v["dates"],
        ),
        _table(
            e,
            "dim_client",
            [
                ("client_sk", "integer"),
                ("client_bk", "varchar(12)"),
                ("cle_geographie", "integer"),
                ("civilite", "varchar(4)"),
                ("prenom", "varchar(40)"),
                ("nom_famille", "varchar(40)"),
                ("date_naissance", "date"),
                ("sexe", "varchar(1)"),
                ("courriel", "varchar(120)"),
                ("telephone", "varchar(20)"),
                ("adresse_ligne1", "varchar(120)"),
                ("ville", "varchar(60)"),
                ("province", "varchar(2)"),
                ("code_postal", "varchar(7)"),
                ("nas", "varchar(11)"),
                ("langue_pref", "varchar(2)"),
                ("revenu_annuel", "numeric(12,2)"),
                ("date_debut_validite", "date"),
                ("date_fin_validite", "date"),
                ("est_courant", "boolean"),
            ],
            ["client_sk"],
            v["clients"],
            [(["cle_geographie"], f"{e}.dim_geographie", ["cle_geographie"])],
        ),
        _table(
            e,
            "dim_employe",
            [
                ("employe_sk", "integer"),
                ("matricule", "varchar(6)"),
                ("prenom", "varchar(40)"),
                ("nom", "varchar(40)"),
                ("poste", "varchar(40)"),
                ("courriel_pro", "varchar(120)"),
                ("telephone_poste", "varchar(10)"),
                ("date_embauche", "date"),
                ("gestionnaire_sk", "integer"),
                ("est_actif", "boolean"),
            ],
            ["employe_sk"],
            v["employes"],
            [(["gestionnaire_sk"], f"{e}.dim_employe", ["employe_sk"])],
        ),
        _table(
            e,
            "dim_magasin",
            [
                ("magasin_sk", "integer"),
                ("code_magasin", "varchar(6)"),
                ("nom_magasin", "varchar(80)"),
                ("adresse", "varchar(120)"),
                ("ville", "varchar(60)"),
                ("code_postal", "varchar(7)"),
                ("telephone", "varchar(20)"),
                ("directeur_sk", "integer"),
                ("superficie_m2", "integer"),
            ],
            ["magasin_sk"],
            v["magasins"],
            [(["directeur_sk"], f"{e}.dim_employe", ["employe_sk"])],
        ),
        _table(
            e,
            "dim_fournisseur",
            [
                ("fournisseur_sk", "integer"),
                ("raison_sociale", "varchar(120)"),
                ("neq", "varchar(10)"),
                ("telephone", "varchar(20)"),
                ("adresse", "varchar(120)"),
                ("ville", "varchar(60)"),
            ],
            ["fournisseur_sk"],
            v["fournisseurs"],
        ),
        _table(
            e,
            "dim_produit",
            [
                ("produit_sk", "integer"),
                ("code_produit", "varchar(8)"),
                ("nom_produit_fr", "varchar(80)"),
                ("nom_produit_en", "varchar(80)"),
                ("nom_modele", "varchar(40)"),
                ("couleur", "varchar(20)"),
                ("categorie", "varchar(40)"),
                ("prix_catalogue", "numeric(10,2)"),
                ("fournisseur_sk", "integer"),
                ("date_debut", "date"),
                ("date_fin", "date"),
                ("statut", "varchar(10)"),
            ],
            ["produit_sk"],
            v["produits"],
            [(["fournisseur_sk"], f"{e}.dim_fournisseur", ["fournisseur_sk"])],
        ),
        _table(
            e,
            "fait_ventes",
            [
                ("no_facture", "varchar(8)"),
                ("cle_date", "integer"),
                ("client_sk", "integer"),
                ("produit_sk", "integer"),
                ("magasin_sk", "integer"),
                ("employe_sk", "integer"),
                ("quantite", "integer"),
                ("montant_brut", "numeric(10,2)"),
                ("taxe_tps", "numeric(10,2)"),
                ("taxe_tvq", "numeric(10,2)"),
            ],
            ["no_facture"],
            v["ventes"],
            [
                (["cle_date"], f"{e}.dim_date", ["cle_date"]),
                (["client_sk"], f"{e}.dim_client", ["client_sk"]),
                (["produit_sk"], f"{e}.dim_produit", ["produit_sk"]),
                (["magasin_sk"], f"{e}.dim_magasin", ["magasin_sk"]),
                (["employe_sk"], f"{e}.dim_employe", ["employe_sk"]),
            ],
        ),
        _table(
            e,
            "fait_inventaire",
            [
                ("inventaire_sk", "integer"),
                ("cle_date", "integer"),
                ("produit_sk", "integer"),
                ("magasin_sk", "integer"),
                ("quantite_en_stock", "integer"),
            ],
            ["inventaire_sk"],
            v["inventaire"],
            [
                (["cle_date"], f"{e}.dim_date", ["cle_date"]),
                (["produit_sk"], f"{e}.dim_produit", ["produit_sk"]),
                (["magasin_sk"], f"{e}.dim_magasin", ["magasin_sk"]),
            ],
        ),
    ]


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_dw_star": faker_dw_star,
    "faker_fr_gestion": faker_fr_gestion,
    "faker_dw_qc": faker_dw_qc,
}
