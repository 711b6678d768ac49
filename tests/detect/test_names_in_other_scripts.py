"""People's names written in scripts other than Latin: with letter case (Cyrillic, Greek,
Armenian) and without it (Hangul, Chinese, Georgian, Hebrew, Arabic, Thai), under a column
called ``name``, alone in their own columns, and column names in those scripts. Things
named in the same scripts (products, shops, companies, towns, words) stay no one's."""

from __future__ import annotations

import pytest
from faker import Faker

from include.governance.detect.names import name_signals
from include.governance.detect.values import is_person_name
from tests.detect.classified import POLICY, category_of, found

CASED = ["ru_RU", "uk_UA", "bg_BG", "mk_MK", "el_GR", "hy_AM"]
CASELESS = ["ko_KR", "zh_CN", "zh_TW", "ka_GE", "he_IL", "ar_SA", "th_TH"]
NAMES = 60


def _faker(locale: str) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(16)
    return fake


@pytest.mark.parametrize("locale", CASED + CASELESS)
def test_full_names_in_other_scripts_are_persons_names(locale):
    """Faker's full names: surname first with a patronymic (ru), titles (г-жа, пані, السيد,
    นาย), Hangul and Chinese written without a space between surname and given name."""
    fake = _faker(locale)
    names = [fake.name() for _ in range(NAMES)]
    assert sum(map(is_person_name, names)) >= 0.9 * NAMES


@pytest.mark.parametrize("locale", ["ru_RU", "el_GR", "ko_KR"])
def test_names_in_capitals_or_typed_without_accents_are_persons_names(locale):
    fake = _faker(locale)
    names = [fake.name() for _ in range(NAMES)]
    assert sum(is_person_name(n.upper()) for n in names) >= 0.9 * NAMES


@pytest.mark.parametrize(
    "value",
    [
        "Сыр чёрный", "Мёд классический", "ЗАО «Макарова Осипов»", "Донева и Ѓорѓиевска ДОО",
        "Универсальная и прибыльная конгломерация", "Москва", "Вкусвилл",
        "Ξηροδήμα-Μανιτάρου", "Πρέβεζα",
        "上海朝阳店", "上海市", "金卡", "企業", "輝燁企業有限公司", "電腦繪圖人員",
        "영업부", "물류팀", "회계팀", "이메일", "정보팀",
        "საგარეჯო", "ბაქტერიოლოგი", "კინწურაშვილი PLC", "Գյումրի",
        "בר שטרית and Sons", "שאול-כהן",
        "", " ", "г-н", "Г-жа ",
        "Ганьо Street", "Ивалена Ranch", "North Цветлина",  # streets in two scripts
    ],
)  # fmt: skip
def test_things_named_in_other_scripts_are_no_persons_names(value):
    assert not is_person_name(value)


@pytest.mark.parametrize("locale", ["ko_KR", "zh_CN", "ru_RU", "he_IL"])
def test_a_column_called_name_of_names_in_another_script_is_a_persons(locale):
    fake = _faker(locale)
    staff = found(
        "hr.employees",
        ("emp_name", [fake.name() for _ in range(40)]),
        ("dept", [fake.job() for _ in range(40)]),
    )
    assert staff == {"emp_name": "name", "dept": None}


def test_products_and_shops_named_in_other_scripts_are_things():
    goods = ["Чай", "Кофе", "Молоко", "Сыр", "Хлеб", "Масло", "Сок", "Печенье"]
    kinds = ["зелёный", "чёрный", "домашний", "отборный", "натуральный"]
    products = found(
        "shop.products",
        ("name", [f"{goods[i % 8]} {kinds[i % 5]}" for i in range(40)]),
        ("brand", ["Простоквашино", "Ермолино", "Вкусвилл", "Бабушкино"] * 10),
    )
    cities, districts = ["上海", "北京", "广州", "深圳"], ["徐汇", "朝阳", "天河", "南山", "西湖"]
    shops = found(
        "ref.stores",
        ("name", [f"{cities[i % 4]}{districts[i % 5]}店" for i in range(40)]),
        ("city", [f"{cities[i % 4]}市" for i in range(40)]),
    )
    assert products == {"name": None, "brand": None}
    assert shops == {"name": None, "city": None}


@pytest.mark.parametrize("locale", ["bg_BG", "uk_UA", "mk_MK", "el_GR", "ka_GE"])
def test_given_names_and_surnames_alone_in_another_script_are_names(locale):
    """Columns whose names say nothing (``ime``, ``familia``): a table of people read from
    its values, given names beside surnames."""
    fake = _faker(locale)
    people = found(
        "hr.sluzhiteli",
        ("ime", [fake.first_name() for _ in range(60)]),
        ("familia", [fake.last_name() for _ in range(60)]),
    )
    assert people == {"ime": "name", "familia": "name"}


@pytest.mark.parametrize(
    "column",
    [
        "фамилия", "отчество", "фио", "прізвище", "по_батькові", "презиме",  # Cyrillic
        "επώνυμο", "ονοματεπώνυμο",  # Greek
        "성명",  # Korean
        "姓氏",  # Chinese
        "გვარი", "ազգանուն",  # Georgian, Armenian
        "שם_משפחה", "שם_פרטי", "اسم_العائلة",  # Hebrew, Arabic
    ],
)  # fmt: skip
def test_names_of_people_in_other_scripts_point_at_a_name(column):
    assert category_of(column) == "name"


@pytest.mark.parametrize(
    "column", ["имя", "име", "ім'я", "όνομα", "이름", "სახელი", "անուն", "الاسم"]
)
def test_words_that_are_only_name_in_other_scripts_need_the_values(column):
    signals = name_signals(column, POLICY)
    assert [(s.category, s.needs_values) for s in signals[:1]] == [("name", True)]
