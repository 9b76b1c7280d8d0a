"""The sample page's own texts (../shared/seed/sample-news.txt), in English as published."""

SAMPLE_ILLEGAL_MEETING = (
    "On March 28, 2023, a meeting of the International Headquarters of the CSTO regional "
    "operation “Illegal” was held under the chairmanship of the Secretary of the Coordination "
    "Council of the Heads of the Competent Authorities of the CSTO Member States on Combating "
    "Illegal Migration, Lieutenant General of Police Valentina Kazakova, Head of the Main "
    "Department of the Interior Ministry of Russia."
)
SAMPLE_TRAINING = (
    "In the period from 27 to 30 March 2023, at the Management Academy of the Russian Ministry "
    "of Internal Affairs, the training on management of units included in the formations of "
    "special forces of the CSTO CRRF in carrying out special operations is held for "
    "representatives of the senior staff of law enforcement agencies and special services of "
    "the CSTO member states."
)
SAMPLE_AGREEMENT = (
    "The Agreement on jurisdiction and legal assistance in cases of temporary stay of "
    "formations of the collective security system on the territories of the Collective "
    "Security Treaty Organization member states entered into force and was signed by the "
    "members of the CSTO Collective Security Council in Dushanbe on September 16, 2021."
)
SAMPLE_MANTUROV_LEAD = (
    "In the opinion of the Secretary General of the association, even the logic of its "
    "creation, and not just the geopolitical situation, requires the development of "
    "military-industrial cooperation between the countries of the Collective Security Treaty "
    "Organization"
)
SAMPLE_MANTUROV_BODY = """\
<p>The CSTO Secretary General Imangali Tasmagambetov has discussed prospects for the \
development of military-industrial cooperation at a meeting with the Russian Deputy Prime \
Minister and the Minister of Industry and Trade, Chairman of the CSTO Interstate Commission \
for Military-Economic Cooperation, Denis Manturov. This was reported by the press service of \
the Organization.</p>
<p>According to the parties, military-industrial cooperation for the member states of the \
association is one of the most sought-after areas of the CSTO work.</p>
<p>"A sufficient and solid legal framework has been created for the development of practical \
cooperation between domestic defense industry enterprises and defense sector enterprises in \
the member states," Denis Manturov noted.</p>
<p>The CSTO Secretary General Imangali Tasmagambetov recalled that the Organization had \
adopted more than sixty documents with the status of interstate treaties. And one-third of \
them concerned the development of military-economic cooperation. Tasmagambetov believes, that \
the time has come to implement them.</p>
<p>"It is necessary to implement practical measures to establish multilateral cooperation of \
defense industry enterprises of the CSTO member states for joint development and production \
of weapons and military equipment, creation of service centers for their maintenance and \
repair," the CSTO Secretary General said.</p>
<p>He believes that uniting the potential of military-industrial complex enterprises becomes \
especially relevant in the light of increasing tensions in the geopolitical situation around \
the world.</p>
<p>Tasmagambetov spoke about the preparatory work for the XXI ICMEC meeting, which is planned \
to be held in the capital of the Republic of Tajikistan at the end of April this year.</p>
<p>The press service of the CSTO noted that the parties also discussed the Organization's \
exhibition event in 2024, “The International Forum on Collective Security "Interpolitech".</p>
<p>The forum, organized in accordance with the decision of the Collective Security Council of \
November 23, 2022, will be held for the first time.</p>"""
