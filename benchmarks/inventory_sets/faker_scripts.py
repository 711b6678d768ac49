"""A Faker-made warehouse whose people's names are written in scripts other than Latin.

One tuning set (session 13), in locales no held-out set uses (ru_RU, mk_MK, el_GR, zh_CN,
zh_TW, he_IL, ar_SA, ka_GE, hy_AM, th_TH): customers, staff and members of a retailer's
shops abroad, their names in Cyrillic, Greek, Chinese, Hebrew, Arabic, Georgian, Armenian
and Thai, under columns called ``name`` and under column names in those scripts (``имя``,
``фамилия``, ``όνομα``, ``姓名``). Look-alikes that are no one's: products and shops named
in those scripts, companies named for their owners (``Донева и Ѓорѓиевска ДОО``), books'
titles (their authors are people), towns.
"""

from __future__ import annotations

import random

from benchmarks.inventory_sets.faker_sets import PEOPLE, SEED, _faker, _table
from benchmarks.inventory_sets.model import EvalSet

# Russian goods: a noun, an adjective (lower case after the first word, as Russian writes)
RU_GOODS = ["Чай", "Кофе", "Молоко", "Сыр", "Хлеб", "Масло", "Сок", "Печенье", "Мёд", "Рис"]
RU_KINDS = ["зелёный", "чёрный", "домашний", "отборный", "натуральный", "классический"]
RU_BRANDS = ["Простоквашино", "Ермолино", "Вкусвилл", "Бабушкино", "Северное", "Луговое"]
# Chinese shops: a city, a district, a branch word
ZH_CITIES = ["上海", "北京", "广州", "深圳", "杭州", "成都"]
ZH_DISTRICTS = ["徐汇", "朝阳", "天河", "南山", "西湖", "锦江", "浦东", "海淀"]
ZH_LEVELS = ["金卡", "银卡", "普通"]


def faker_scripts() -> EvalSet:
    """People's names in eight scripts beside names of things in the same scripts."""
    rng = random.Random(SEED + 141)
    ru, mk, el = _faker("ru_RU", 141), _faker("mk_MK", 142), _faker("el_GR", 143)
    cn, tw, he = _faker("zh_CN", 144), _faker("zh_TW", 145), _faker("he_IL", 146)
    ar, ka, hy = _faker("ar_SA", 147), _faker("ka_GE", 148), _faker("hy_AM", 149)
    th = _faker("th_TH", 150)
    count = PEOPLE // 3
    text, tel = "varchar(80)", "varchar(40)"

    def people(fake, row) -> list[tuple]:
        return [row(i, fake) for i in range(1, count + 1)]

    def customer(i, fake) -> tuple:
        return (i, fake.name(), fake.email(), fake.phone_number())

    def staff_ru(i, fake) -> tuple:
        female = rng.random() < 0.5
        return (
            f"{rng.randrange(10000, 99999)}",
            fake.last_name_female() if female else fake.last_name_male(),
            fake.first_name_female() if female else fake.first_name_male(),
            fake.middle_name_female() if female else fake.middle_name_male(),
            fake.job(),
        )

    tables = [
        _table(
            "magazin", "customers",
            [("customer_id", "integer"), ("name", text), ("email", "varchar(120)"),
             ("phone", tel)],
            ["customer_id"], people(ru, customer),
        ),
        _table(
            "magazin", "sotrudniki",
            [("таб_номер", "varchar(8)"), ("фамилия", text), ("имя", text), ("отчество", text),
             ("должность", text)],
            ["таб_номер"], people(ru, staff_ru),
        ),
        _table(
            "magazin", "tovary",
            [("id", "integer"), ("name", text), ("brand", text), ("price", "numeric(10,2)")],
            ["id"],
            [
                (i, f"{rng.choice(RU_GOODS)} {rng.choice(RU_KINDS)}", rng.choice(RU_BRANDS),
                 rng.randrange(50, 900))
                for i in range(1, 121)
            ],
        ),
        _table(
            "magazin", "knigi",
            [("id", "integer"), ("title", text), ("author", text)],
            ["id"],
            [(i, ru.catch_phrase(), f"{ru.first_name()} {ru.last_name()}") for i in range(1, 81)],
        ),
        _table(
            "kadri", "vraboteni",
            [("id", "integer"), ("ime", text), ("prezime", text), ("rabotno_mesto", text)],
            ["id"],
            people(mk, lambda i, f: (i, f.first_name(), f.last_name(), f.job())),
        ),
        _table(
            "pelates", "pelates",
            [("id", "integer"), ("όνομα", text), ("επώνυμο", text), ("email", "varchar(120)")],
            ["id"],
            people(el, lambda i, f: (i, f.first_name(), f.last_name(), f.email())),
        ),
        _table(
            "dianpu", "customers",
            [("customer_id", "integer"), ("name", text), ("phone", tel)],
            ["customer_id"],
            people(cn, lambda i, f: (i, f.name(), f.phone_number())),
        ),
        _table(
            "dianpu", "stores",
            [("store_id", "integer"), ("name", text), ("city", text)],
            ["store_id"],
            [
                (i, f"{city}{rng.choice(ZH_DISTRICTS)}店", f"{city}市")
                for i, city in enumerate(ZH_CITIES * 4, start=1)
            ],
        ),
        _table(
            "huiyuan", "members",
            [("id", "integer"), ("姓名", text), ("level", "varchar(10)")],
            ["id"],
            people(tw, lambda i, f: (i, f.name(), rng.choice(ZH_LEVELS))),
        ),
        _table(
            "abroad", "contacts_il",
            [("id", "integer"), ("name", text), ("email", "varchar(120)")],
            ["id"],
            people(he, lambda i, f: (i, f.name(), f.email())),
        ),
        _table(
            "abroad", "customers_sa",
            [("customer_id", "integer"), ("name", text), ("email", "varchar(120)")],
            ["customer_id"],
            people(ar, lambda i, f: (i, f.name(), f.email())),
        ),
        _table(
            "abroad", "staff_ge",
            [("id", "integer"), ("name", text), ("position", text)],
            ["id"],
            people(ka, lambda i, f: (i, f.name(), f.job())),
        ),
        _table(
            "abroad", "members_am",
            [("id", "integer"), ("name", text), ("city", text)],
            ["id"],
            people(hy, lambda i, f: (i, f.name(), f.city())),
        ),
        _table(
            "abroad", "customers_th",
            [("customer_id", "integer"), ("name", text), ("phone", tel)],
            ["customer_id"],
            people(th, lambda i, f: (i, f.name(), f.phone_number())),
        ),
        _table(
            "ref", "suppliers",
            [("id", "integer"), ("name", text), ("city", text)],
            ["id"],
            [
                (i, fake.company(), fake.city())
                for i, fake in enumerate([ru, mk, el, ka, hy, tw] * 10, start=1)
            ],
        ),
    ]  # fmt: skip
    return EvalSet("faker_scripts", "faker_scripts.py faker_scripts", tables)


GENERATORS = {"faker_scripts": faker_scripts}
