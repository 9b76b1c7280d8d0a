"""Django admin's own sentences, worded so that they read well in Russian.

Django's Russian catalogue puts a model's name, in the nominative, into sentences that need
another case or gender (“Изменить фотография”, “Добавить еще один Исправление”, “Событие …
был успешно добавлен”). The newsroom's catalogue words them so that any name fits; they are
listed here so that `makemessages` keeps them in locale/ (which wins over Django's own).
"""

from django.utils.translation import gettext_noop

ADMIN_SENTENCES = [
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
]
