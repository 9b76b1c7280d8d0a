"""The Russian version of the demo content, keyed by its English text."""

from apps.demo import sample

RUSSIAN = {
    # Sections
    "News": "Новости",
    "Announcements": "Анонсы",
    "Statements": "Заявления",
    "Interviews": "Интервью",
    "Media about the CSTO": "СМИ об ОДКБ",
    "News of the Organization and its bodies.": "Новости Организации и её органов.",
    "Coming meetings, trainings and events.": "Предстоящие заседания, учения и мероприятия.",
    "Official statements of the Organization.": "Официальные заявления Организации.",
    "Interviews with the Organization's officials.": "Интервью должностных лиц Организации.",
    "What news agencies report about the Organization.": "Что сообщают об Организации СМИ.",
    # Countries and states
    "Armenia": "Армения",
    "Belarus": "Беларусь",
    "Kazakhstan": "Казахстан",
    "Kyrgyzstan": "Киргизия",
    "Russia": "Россия",
    "Tajikistan": "Таджикистан",
    "Republic of Armenia": "Республика Армения",
    "Republic of Belarus": "Республика Беларусь",
    "Republic of Kazakhstan": "Республика Казахстан",
    "Kyrgyz Republic": "Кыргызская Республика",
    "Russian Federation": "Российская Федерация",
    "Republic of Tajikistan": "Республика Таджикистан",
    # Organisations
    "Collective Security Treaty Organization": "Организация Договора о коллективной безопасности",
    "CSTO": "ОДКБ",
    "Collective Security Council": "Совет коллективной безопасности",
    "CSC": "СКБ",
    "Secretariat of the CSTO": "Секретариат ОДКБ",
    "CSTO Secretariat": "Секретариат ОДКБ",
    "Press Service of the CSTO": "Пресс-служба ОДКБ",
    "Interstate Commission for Military-Economic Cooperation": (
        "Межгосударственная комиссия по военно-экономическому сотрудничеству"
    ),
    "ICMEC": "МКВЭС",
    "Coordination Council of the Heads of the Competent Authorities of the CSTO Member States "
    "on Combating Illegal Migration": (
        "Координационный совет руководителей компетентных органов по вопросам противодействия "
        "незаконной миграции государств — членов ОДКБ"
    ),
    "CCBIM": "КСОПНМ",
    "International Headquarters of the CSTO regional operation “Illegal”": (
        "Международный штаб региональной операции ОДКБ «Нелегал»"
    ),
    "Collective Rapid Reaction Forces of the CSTO": (
        "Коллективные силы оперативного реагирования ОДКБ"
    ),
    "CSTO CRRF": "КСОР ОДКБ",
    "Government of the Russian Federation": "Правительство Российской Федерации",
    "Ministry of Internal Affairs of Russia": "Министерство внутренних дел России",
    "Interior Ministry of Russia": "МВД России",
    "Main Department for Migration of the Ministry of Internal Affairs of Russia": (
        "Главное управление по вопросам миграции МВД России"
    ),
    "Main Department of the Interior Ministry of Russia": "ГУВМ МВД России",
    "Management Academy of the Ministry of Internal Affairs of Russia": (
        "Академия управления МВД России"
    ),
    "Ministry of Industry and Trade of Russia": "Министерство промышленности и торговли России",
    "Minpromtorg": "Минпромторг",
    "Sputnik": "Спутник",
    # People and positions
    "Imangali Tasmagambetov": "Имангали Тасмагамбетов",
    "Tasmagambetov, Imangali": "Тасмагамбетов, Имангали",
    "Denis Manturov": "Денис Мантуров",
    "Manturov, Denis": "Мантуров, Денис",
    "Valentina Kazakova": "Валентина Казакова",
    "Kazakova, Valentina": "Казакова, Валентина",
    "Lieutenant General of Police": "генерал-лейтенант полиции",
    "Secretary General": "Генеральный секретарь",
    "Deputy Prime Minister": "Заместитель Председателя Правительства",
    "First Deputy Prime Minister": "Первый заместитель Председателя Правительства",
    "Minister of Industry and Trade": "Министр промышленности и торговли",
    "Chairman": "Председатель",
    "Head": "Начальник",
    "Secretary": "Секретарь",
    # Events
    "Session of the CSTO Collective Security Council in Dushanbe": (
        "Сессия Совета коллективной безопасности ОДКБ в Душанбе"
    ),
    "Session of the CSTO Collective Security Council in Yerevan": (
        "Сессия Совета коллективной безопасности ОДКБ в Ереване"
    ),
    "Meeting of the International Headquarters of the CSTO regional operation “Illegal”": (
        "Заседание Международного штаба региональной операции ОДКБ «Нелегал»"
    ),
    "Training on management of units of the special forces of the CSTO CRRF in carrying out "
    "special operations": (
        "Учебно-методические сборы по управлению подразделениями формирований сил специального "
        "назначения КСОР ОДКБ при проведении специальных операций"
    ),
    "XXI meeting of the Interstate Commission for Military-Economic Cooperation": (
        "XXI заседание Межгосударственной комиссии по военно-экономическому сотрудничеству"
    ),
    "International Forum on Collective Security “Interpolitech”": (
        "Международный форум по коллективной безопасности «Интерполитех»"
    ),
    "Dushanbe": "Душанбе",
    "Yerevan": "Ереван",
    "Moscow": "Москва",
    "Astana": "Астана",
    "For representatives of the senior staff of law enforcement agencies and special services "
    "of the CSTO member states.": (
        "Для представителей руководящего состава правоохранительных органов и специальных служб "
        "государств — членов ОДКБ."
    ),
    "Planned for the end of April 2023 in the capital of the Republic of Tajikistan.": (
        "Запланировано на конец апреля 2023 года в столице Республики Таджикистан."
    ),
    "The Organization's exhibition event, organised in accordance with the decision of the "
    "Collective Security Council of November 23, 2022, held for the first time.": (
        "Выставочное мероприятие Организации, организованное в соответствии с решением Совета "
        "коллективной безопасности от 23 ноября 2022 года и проводимое впервые."
    ),
    # Agreements
    "Agreement on jurisdiction and legal assistance in cases of temporary stay of formations "
    "of the collective security system on the territories of the Collective Security Treaty "
    "Organization member states": (
        "Соглашение о юрисдикции и правовой помощи по делам, связанным с временным пребыванием "
        "формирований системы коллективной безопасности на территориях государств — членов "
        "Организации Договора о коллективной безопасности"
    ),
    "Agreement on jurisdiction and legal assistance": ("Соглашение о юрисдикции и правовой помощи"),
    "Enters into force on the date the depositary receives the fourth written notification of "
    "the completion by the signatory states of the internal procedures necessary for its entry "
    "into force.": (
        "Вступает в силу с даты получения депозитарием четвертого письменного уведомления о "
        "выполнении подписавшими его государствами внутригосударственных процедур, необходимых "
        "для его вступления в силу."
    ),
    "Decision of the Collective Security Council on holding the International Forum on "
    "Collective Security “Interpolitech”": (
        "Решение Совета коллективной безопасности о проведении Международного форума по "
        "коллективной безопасности «Интерполитех»"
    ),
    "Decision on the “Interpolitech” forum": "Решение о форуме «Интерполитех»",
    "Enters into force on the date of its signature.": "Вступает в силу с даты подписания.",
    "Legal cooperation": "Правовое сотрудничество",
    "Collective security system": "Система коллективной безопасности",
    "Military-economic cooperation": "Военно-экономическое сотрудничество",
    # Photo
    "Illustration: the CSTO Secretary General and the Deputy Prime Minister of Russia at "
    "their meeting": (
        "Иллюстрация: Генеральный секретарь ОДКБ и Заместитель Председателя Правительства "
        "России на встрече"
    ),
    "The CSTO Secretary General and the Deputy Prime Minister of Russia have discussed the "
    "prospects of military-industrial development": (
        "Генеральный секретарь ОДКБ и вице-премьер России обсудили перспективы "
        "военно-промышленного развития"
    ),
    "Press Service of the Ministry of Industry and Trade of Russia": (
        "Пресс-служба Министерства промышленности и торговли России"
    ),
    # Articles
    "A meeting of the International Headquarters of the CSTO regional operation “Illegal” was "
    "held": "Состоялось заседание Международного штаба региональной операции ОДКБ «Нелегал»",
    sample.SAMPLE_ILLEGAL_MEETING: (
        "28 марта 2023 года под председательством секретаря Координационного совета "
        "руководителей компетентных органов по вопросам противодействия незаконной миграции "
        "государств — членов ОДКБ, начальника Главного управления по вопросам миграции МВД "
        "России генерал-лейтенанта полиции Валентины Казаковой состоялось заседание "
        "Международного штаба региональной операции ОДКБ «Нелегал»."
    ),
    "Training for the senior staff of the special forces of the CSTO CRRF at the Management "
    "Academy of the Russian Interior Ministry": (
        "Сборы руководящего состава сил специального назначения КСОР ОДКБ в Академии "
        "управления МВД России"
    ),
    sample.SAMPLE_TRAINING: (
        "С 27 по 30 марта 2023 года в Академии управления МВД России проходят учебно-методические "
        "сборы по управлению подразделениями, входящими в состав формирований сил специального "
        "назначения КСОР ОДКБ, при проведении специальных операций для представителей "
        "руководящего состава правоохранительных органов и специальных служб государств — "
        "членов ОДКБ."
    ),
    "The Agreement on jurisdiction and legal assistance in cases of temporary stay of "
    "formations of the collective security system entered into force": (
        "Вступило в силу Соглашение о юрисдикции и правовой помощи по делам, связанным с "
        "временным пребыванием формирований системы коллективной безопасности"
    ),
    sample.SAMPLE_AGREEMENT: (
        "Вступило в силу Соглашение о юрисдикции и правовой помощи по делам, связанным с "
        "временным пребыванием формирований системы коллективной безопасности на территориях "
        "государств — членов Организации Договора о коллективной безопасности, подписанное "
        "членами Совета коллективной безопасности ОДКБ в Душанбе 16 сентября 2021 года."
    ),
    sample.SAMPLE_MANTUROV_LEAD: (
        "По мнению Генерального секретаря объединения, развития военно-промышленного "
        "сотрудничества между странами Организации Договора о коллективной безопасности "
        "требует не только геополитическая обстановка, но и сама логика её создания"
    ),
    sample.SAMPLE_MANTUROV_BODY: """\
<p>Генеральный секретарь ОДКБ Имангали Тасмагамбетов на встрече с вице-премьером — министром \
промышленности и торговли России, председателем Межгосударственной комиссии по \
военно-экономическому сотрудничеству ОДКБ Денисом Мантуровым обсудил перспективы развития \
военно-промышленного сотрудничества. Об этом сообщила пресс-служба Организации.</p>
<p>По мнению сторон, военно-промышленное сотрудничество для государств — членов объединения \
является одним из наиболее востребованных направлений работы ОДКБ.</p>
<p>«Создана достаточная и прочная правовая база для развития практического взаимодействия \
отечественных предприятий оборонно-промышленного комплекса и предприятий оборонного сектора \
государств-членов», — отметил Денис Мантуров.</p>
<p>Генеральный секретарь ОДКБ Имангали Тасмагамбетов напомнил, что Организацией принято более \
шестидесяти документов, имеющих статус межгосударственных договоров. И треть из них касается \
развития военно-экономического сотрудничества. Тасмагамбетов считает, что пришло время их \
реализовывать.</p>
<p>«Необходимо реализовать практические меры по налаживанию многостороннего сотрудничества \
предприятий оборонно-промышленного комплекса государств — членов ОДКБ по совместной \
разработке и производству вооружения и военной техники, созданию сервисных центров по их \
обслуживанию и ремонту», — сказал Генеральный секретарь ОДКБ.</p>
<p>Он считает, что объединение потенциала предприятий военно-промышленного комплекса становится \
особенно актуальным в свете нарастания напряженности в геополитической обстановке в мире.</p>
<p>Тасмагамбетов рассказал о подготовительной работе к XXI заседанию МКВЭС, которое планируется \
провести в столице Республики Таджикистан в конце апреля этого года.</p>
<p>В пресс-службе ОДКБ отметили, что стороны также обсудили выставочное мероприятие Организации \
в 2024 году — «Международный форум по коллективной безопасности „Интерполитех“».</p>
<p>Форум, организуемый в соответствии с решением Совета коллективной безопасности от 23 ноября \
2022 года, пройдет впервые.</p>""",
}
