#!/usr/bin/env python3
"""Generate dict/actors/countries.txt for hooft.

Run by developers (not at build time):

    python3 tools/gen-countries.py            # writes dict/actors/countries.txt
    python3 tools/gen-countries.py -o -       # prints to stdout

Sources:
  * Debian's iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (alpha-3 codes,
    English names, common names and official names) and the Dutch gettext
    catalog /usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo for their Dutch forms.
  * SUPPLEMENT below, hand-written: short names, adjectives (all inflections),
    demonyms (singular and plural), capitals used as metonyms, in English and
    Dutch, plus a few institutions that stand for a state agent
    (RUSGOV Kremlin, USAMIL Pentagon, ...).

Conventions:
  * Codes follow CAMEO where it differs from ISO 3166 (see CODE_MAP and the
    non-ISO codes such as KSV in SUPPLEMENT).
  * ISO names written in the inverted "Korea, Republic of" style are skipped,
    parenthesised parts are removed ("Falkland Islands (Malvinas)").
  * A phrase starting with `=` is matched case-sensitively (see
    docs/dictionaries.md); use it for words that are also ordinary words.
  * In SUPPLEMENT a phrase starting with `!` removes that phrase from the
    ISO-derived names of the code (for names that belong to another code or
    are ordinary words).
  * Phrases are deduplicated per line on the matcher's key (NFC, case-folded,
    diacritics stripped); a phrase found under two codes is reported on stderr.
"""

import argparse
import gettext
import json
import os
import re
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
LOCALEDIR = "/usr/share/locale"

# hooft writes states with their ISO 3166-1 alpha-3 codes, also where older
# CAMEO tables differ (Romania ROM, East Timor TMP, Montenegro MTN): the output's
# "country" field is ISO. Map a code here only for a deliberate exception.
CODE_MAP = {}

# Format: CODE <whitespace> phrase|phrase|...   (several lines per code allowed)
#   =phrase  case-sensitive match
#   !phrase  drop this phrase from the ISO-derived names of CODE
# Codes are CAMEO codes (after CODE_MAP), optionally with role suffixes.
SUPPLEMENT = r"""
# ---------------------------------------------------------------- Europe
ALB  Albania|Albanian|Albanians|Albanië|Albanees|Albanese|Albanezen|Tirana
AND  Andorran|Andorrees|Andorrese
AUT  Austria|Austrian|Austrians|Oostenrijk|Oostenrijks|Oostenrijkse|Oostenrijker|Oostenrijkers
BEL  Belgium|Belgian|Belgians|België|Belgisch|Belgische|Belg|Belgen
BGR  Bulgaria|Bulgarian|Bulgarians|Bulgarije|Bulgaars|Bulgaarse|Bulgaar|Bulgaren
BIH  Bosnia|Bosnia-Herzegovina|Bosnia and Herzegovina|Bosnian|Bosnians|Bosnië|Bosnië-Herzegovina|Bosnisch|Bosnische|Bosniër|Bosniërs|Sarajevo
BLR  Belarus|Belarusian|Belarusians|Belorussia|Byelorussia|Wit-Rusland|Belarussisch|Belarussische|Wit-Russisch|Wit-Russische|Wit-Rus|Wit-Russen|Minsk
CHE  Switzerland|Swiss|Zwitserland|Zwitsers|Zwitserse|Zwitser
CYP  Cyprus|Cypriot|Cypriots|Cypriotisch|Cypriotische|Cyprioot|Cyprioten|Nicosia
CZE  Czech Republic|Czechia|Czech|Czechs|Tsjechië|Tsjechische Republiek|Tsjechisch|Tsjechische|Tsjech|Tsjechen|Prague|Praag
DEU  Germany|German|Germans|Duitsland|Duits|Duitse|Duitser|Duitsers|Berlin|Berlijn
DNK  Denmark|Danish|Danes|Denemarken|Deens|Deense|Denen|Copenhagen|Kopenhagen
ESP  Spain|Spanish|Spaniard|Spaniards|Spanje|Spaans|Spaanse|Spanjaard|Spanjaarden|Madrid
EST  Estonia|Estonian|Estonians|Estland|Estisch|Estische|Ests|Estse|Esten|Tallinn
FIN  Finland|Finnish|Finns|=Fin|=Fins|Finse|Finnen|Helsinki
FRA  France|French|Frenchman|Frenchmen|Frankrijk|Franse|Fransman|Fransen|Paris|Parijs
GBR  United Kingdom|=UK|=U.K.|Britain|Great Britain|British|Briton|Britons|Brits|Britse|Brit|Britten|=VK|Groot-Brittannië|England|Engeland|Engelse|Engelsen|London|Londen
GRC  Greece|Greek|Greeks|Griekenland|Grieks|Griekse|Griek|Grieken|Athens|Athene
HRV  Croatia|Croatian|Croatians|Croats|Kroatië|Kroatisch|Kroatische|Kroaat|Kroaten|Zagreb
HUN  Hungary|Hungarian|Hungarians|Hongarije|Hongaars|Hongaarse|Hongaar|Hongaren|Budapest|Boedapest
IRL  Ireland|Irish|Republic of Ireland|Ierland|Iers|Ierse|Ier|Ieren|Republiek Ierland|Dublin
ISL  Iceland|Icelandic|Icelanders|IJsland|IJslands|IJslandse|IJslander|IJslanders|Reykjavik
ITA  Italy|Italian|Italians|Italië|Italiaans|Italiaanse|Italiaan|Italianen|Rome
KSV  Kosovo|Republic of Kosovo|Kosovar|Kosovars|Kosovan|Republiek Kosovo|Kosovaars|Kosovaarse|Kosovaar|Kosovaren|Pristina|Prishtina
LIE  Liechtensteins|Liechtensteinse
LTU  Lithuania|Lithuanian|Lithuanians|Litouwen|Litouws|Litouwse|Litouwer|Litouwers|Vilnius
LUX  Luxembourg|Luxembourgish|Luxemburg|Luxemburgs|Luxemburgse|Luxemburger|Luxemburgers
LVA  Latvia|Latvian|Latvians|Letland|=Lets|Letse|Letlands|Letlandse|=Letten|Riga
MCO  Monegasque|Monegaskisch|Monegaskische
MDA  Moldova|Moldovan|Moldovans|Moldavia|Moldavië|Moldavisch|Moldavische|Moldaviër|Moldaviërs|Chisinau|Kisjinau
MKD  North Macedonia|Macedonia|North Macedonian|Macedonian|Macedonians|Noord-Macedonië|Macedonië|Noord-Macedonisch|Noord-Macedonische|Macedonisch|Macedonische|Macedoniër|Macedoniërs|Skopje
MLT  Malta|Maltese|Maltees|Maltezen|Valletta
MNE  Montenegro|Montenegrin|Montenegrins|Montenegrijns|Montenegrijnse|Montenegrijn|Montenegrijnen|Podgorica
NLD  Netherlands|the Netherlands|Holland|Dutch|Nederland|Nederlands|Nederlandse|Nederlander|Nederlanders|Hollands|Hollandse|Den Haag|The Hague
NOR  Norway|Norwegian|Norwegians|Noorwegen|Noors|Noorse|Noren|Oslo
POL  Poland|=Polish|=Poles|Polen|=Pools|Poolse|=Pool|Warsaw|Warschau
PRT  Portugal|Portuguese|Portugees|Portugese|Portugezen|Lisbon|Lissabon
ROU  Romania|Romanian|Romanians|Roemenië|Roemeens|Roemeense|Roemeen|Roemenen|Bucharest|Boekarest
RUS  Russia|Russian|Russians|Russian Federation|Rusland|Russische Federatie|Russisch|Russische|Rus|Russen|Moscow|Moskou
SMR  Sammarinese
SRB  Serbia|Serbian|Serbians|Serbs|Servië|Servisch|Servische|Serviër|Serviërs|Serven|Belgrade|Belgrado
SVK  Slovakia|Slovak|Slovakian|Slovaks|Slowakije|Slowaaks|Slowaakse|Slowaak|Slowaken|Bratislava
SVN  Slovenia|Slovenian|Slovene|Slovenians|Slovenes|Slovenië|Sloveens|Sloveense|Sloveen|Slovenen|Ljubljana
SWE  Sweden|Swedish|=Swede|Swedes|Zweden|Zweeds|Zweedse|Zweed|Stockholm
UKR  Ukraine|Ukrainian|Ukrainians|Oekraïne|Oekraïens|Oekraïense|Oekraïner|Oekraïners|Kyiv|Kiev|Kyjiv
VAT  Vatican|Vatican City|Holy See|Vaticaan|Vaticaanstad|Heilige Stoel
# ----------------------------------------------------- former USSR (Asia)
ARM  Armenia|Armenian|Armenians|Armenië|Armeens|Armeense|Armeniër|Armeniërs|Yerevan|Jerevan
AZE  Azerbaijan|Azerbaijani|Azerbaijanis|Azeri|Azeris|Azerbeidzjan|Azerbeidzjaans|Azerbeidzjaanse|Azerbeidzjaan|Azerbeidzjanen|Azerisch|Azerische|Baku|Bakoe
GEO  Georgia|Georgian|Georgians|Georgië|Georgisch|Georgische|Georgiër|Georgiërs|Tbilisi
KAZ  Kazakhstan|Kazakh|Kazakhs|Kazakhstani|Kazachstan|Kazachs|Kazachse|Kazach|Kazachen|Kazachstaans|Kazachstaanse|Astana
KGZ  Kyrgyzstan|Kyrgyz|Kirgizië|Kirgizstan|Kirgizisch|Kirgizische|Kirgies|Kirgiezen|Bishkek|Bisjkek
TJK  Tajikistan|Tajik|Tajiks|Tadzjikistan|Tadzjieks|Tadzjiekse|Tadzjiek|Tadzjieken|Dushanbe|Doesjanbe
TKM  Turkmen|Turkmens|Turkmeens|Turkmeense|Turkmeen|Turkmenen|Ashgabat|Asjchabad
UZB  Uzbekistan|Uzbek|Uzbeks|Oezbekistan|Oezbeeks|Oezbeekse|Oezbeek|Oezbeken|Tashkent|Tasjkent
# ----------------------------------------------------------- Middle East
ARE  United Arab Emirates|=UAE|=U.A.E.|Emirates|Emirati|Emiratis|Verenigde Arabische Emiraten|=VAE|Emiraten|Emiraats|Emiraatse|Abu Dhabi
BHR  Bahrain|Bahraini|Bahrainis|Bahrein|Bahreins|Bahreinse|Manama
EGY  Egypt|Egyptian|Egyptians|Egypte|Egyptisch|Egyptische|Egyptenaar|Egyptenaren|Cairo|Caïro
IRN  Iran|Iranian|Iranians|Islamic Republic of Iran|Islamitische Republiek Iran|Iraans|Iraanse|Iraniër|Iraniërs|Tehran|Teheran
IRQ  Iraq|Iraqi|Iraqis|Irak|Iraaks|Iraakse|Irakees|Irakezen|Baghdad|Bagdad
ISR  Israel|Israeli|Israelis|Israël|Israëlisch|Israëlische|Israëli|Israëliër|Israëliërs|Jewish state|Joodse staat
JOR  Jordan|Jordanian|Jordanians|Jordanië|Jordaans|Jordaanse|Jordaniër|Jordaniërs|Amman
KWT  Kuwait|Kuwaiti|Kuwaitis|Koeweit|Koeweits|Koeweitse|Koeweiti
LBN  Lebanon|Lebanese|Libanon|Libanees|Libanese|Libanezen|Beirut|Beiroet
OMN  Oman|Omani|Omanis|Omaans|Omaanse|Muscat|Masqat
PSE  Palestine|State of Palestine|Palestinian|Palestinians|Palestinian territories|Palestina|Staat Palestina|Palestijns|Palestijnse|Palestijn|Palestijnen|Palestijnse gebieden|Gaza|Gaza Strip|Gazastrook|West Bank|Westelijke Jordaanoever
QAT  Qatar|Qatari|Qatarees|Qatarese|Qatarezen|Doha
SAU  Saudi Arabia|Saudi|Saudis|Saudi Arabian|Saoedi-Arabië|Saudi-Arabië|Saoedisch|Saoedische|Saudisch|Saudische|Saoediër|Saoediërs|Saoedi|Riyadh|Riyad|Riaad
SYR  Syria|Syrian|Syrians|Syrië|Syrisch|Syrische|Syriër|Syriërs|Damascus
TUR  Turkey|Türkiye|Turkish|Turks|Turk|Turkije|Turkse|Turken|Ankara
YEM  Yemen|Yemeni|Yemenis|Jemen|Jemenitisch|Jemenitische|Jemeniet|Jemenieten
# ------------------------------------------------------- South/Central Asia
AFG  Afghanistan|Afghan|Afghans|Afghaans|Afghaanse|Afghaan|Afghanen|Kabul|Kaboel
BGD  Bangladesh|Bangladeshi|Bangladeshis|Bengalees|Bengalese|Dhaka
BTN  Bhutanese|Bhutanees
IND  India|Indian|Indians|Indiaas|Indiase|Indiër|Indiërs|New Delhi
LKA  Sri Lanka|Sri Lankan|Sri Lankans|Srilankaans|Srilankaanse|Sri Lankaans|Sri Lankaanse|Colombo
MDV  Maldives|Maldivian|Maldivisch|Maldivische
NPL  Nepal|Nepalese|Nepali|Nepalees|Kathmandu
PAK  Pakistan|Pakistani|Pakistanis|Pakistaans|Pakistaanse|Pakistaan|Pakistanen|Islamabad
# ------------------------------------------------------------- East Asia
CHN  China|Chinese|People's Republic of China|=PRC|Volksrepubliek China|Chinees|Chinezen|Beijing|Peking
HKG  Hong Kong|Hongkong|Hongkongs|Hongkongse|Hongkonger|Hongkongers|Hong Konger|Hong Kongers
JPN  Japan|Japanese|Japans|Japanse|Japanner|Japanners|Tokyo|Tokio
KOR  South Korea|South Korean|South Koreans|Republic of Korea|=ROK|Zuid-Korea|Zuid-Koreaans|Zuid-Koreaanse|Zuid-Koreaan|Zuid-Koreanen|Republiek Korea|Seoul
MAC  Macau|Macao
MNG  Mongolia|Mongolian|Mongolians|Mongolië|Mongools|Mongoolse|Mongool|Mongolen|Ulaanbaatar
PRK  North Korea|North Korean|North Koreans|=DPRK|Democratic People's Republic of Korea|Noord-Korea|Noord-Koreaans|Noord-Koreaanse|Noord-Koreaan|Noord-Koreanen|Pyongyang
TWN  Taiwan|Taiwanese|Republic of China|Republiek China|Taiwanees|Taiwanezen|Taipei
# --------------------------------------------------------- Southeast Asia
BRN  Brunei|Bruneian|Bruneis
IDN  Indonesia|Indonesian|Indonesians|Indonesië|Indonesisch|Indonesische|Indonesiër|Indonesiërs|Jakarta
KHM  Cambodia|Cambodian|Cambodians|Cambodja|Cambodjaans|Cambodjaanse|Cambodjaan|Cambodjanen|Phnom Penh
LAO  Laos|Laotian|Laotians|Laotiaans|Laotiaanse|Vientiane
MMR  Myanmar|Burma|Burmese|Birma|Myanmarees|Myanmarese|Birmees|Birmese|Birmezen|Naypyidaw|Naypyitaw|Nay Pyi Taw
MYS  Malaysia|Malaysian|Malaysians|Maleisië|Maleisisch|Maleisische|Maleisiër|Maleisiërs|Kuala Lumpur
PHL  Philippines|the Philippines|Philippine|Filipino|Filipinos|Filipijnen|Filipijns|Filipijnse|Filipijn|Manila|Manilla
SGP  Singapore|Singaporean|Singaporeans|Singaporees|Singaporese|Singaporezen
THA  Thailand|Thai|Thais|Thaise|Thailander|Thailanders|Bangkok
TLS  East Timor|Timor-Leste|Timorese|Oost-Timor|Oost-Timorees|Oost-Timorese|Dili
VNM  Vietnam|Viet Nam|Vietnamese|Vietnamees|Vietnamezen|Hanoi
# ---------------------------------------------------------------- Americas
ARG  Argentina|Argentine|Argentinian|Argentinians|Argentines|Argentinië|Argentijns|Argentijnse|Argentijn|Argentijnen|Buenos Aires
BHS  Bahamas|the Bahamas|Bahamian|Bahamaans|Bahamaanse
BLZ  Belizean|Belizaans|Belizaanse
BOL  Bolivia|Bolivian|Bolivians|Boliviaans|Boliviaanse|Boliviaan|Bolivianen
BRA  Brazil|Brazilian|Brazilians|Brazilië|Braziliaans|Braziliaanse|Braziliaan|Brazilianen|Brasília
BRB  Barbadian|Barbadiaans|Barbadiaanse
CAN  Canada|Canadian|Canadians|Canadees|Canadese|Canadezen|Ottawa
CHL  Chile|Chilean|Chileans|=Chili|!Chili|Chileens|Chileense|Chileen|Chilenen
COL  Colombia|Colombian|Colombians|Colombiaans|Colombiaanse|Colombiaan|Colombianen|Bogotá
CRI  Costa Rica|Costa Rican|Costa Ricans|Costaricaans|Costaricaanse|Costa Ricaans|Costa Ricaanse
CUB  Cuba|Cuban|Cubans|Cubaans|Cubaanse|Cubaan|Cubanen|Havana|Havanna
DMA  Dominica
DOM  Dominican Republic|Dominican|Dominicans|Dominicaanse Republiek|Dominicaans|Dominicaanse|Santo Domingo
ECU  Ecuador|Ecuadorian|Ecuadorians|Ecuadoraans|Ecuadoraanse|Ecuadoriaans|Ecuadoriaanse|Ecuadoraan|Ecuadoranen|Quito
GRD  Grenadian
GTM  Guatemala|Guatemalan|Guatemalans|Guatemalteeks|Guatemalteekse|Guatemalteek|Guatemalteken
GUY  Guyana|Guyanese|Guyaans|Guyaanse
HND  Honduras|Honduran|Hondurans|Hondurees|Hondurese|Hondurezen|Tegucigalpa
HTI  Haiti|Haitian|Haitians|Haïti|Haïtiaans|Haïtiaanse|Haïtiaan|Haïtianen|Port-au-Prince
JAM  Jamaica|Jamaican|Jamaicans|Jamaicaans|Jamaicaanse
MEX  Mexico|Mexican|Mexicans|Mexicaans|Mexicaanse|Mexicaan|Mexicanen|Mexico City|Mexico-Stad
NIC  Nicaragua|Nicaraguan|Nicaraguans|Nicaraguaans|Nicaraguaanse|Managua
PAN  Panama|Panamanian|Panamanians|Panamees|Panamese
PER  Peru|Peruvian|Peruvians|Peruaans|Peruaanse|Peruaan|Peruanen
PRI  Puerto Rican|Puerto Ricans|Puertoricaans|Puertoricaanse
PRY  Paraguay|Paraguayan|Paraguayaans|Paraguayaanse
SLV  El Salvador|Salvadoran|Salvadorans|Salvadoraans|Salvadoraanse|San Salvador
SUR  Suriname|Surinamese|Surinaams|Surinaamse|Surinamer|Surinamers|Paramaribo
TTO  Trinidad and Tobago|Trinidad|Trinidadian|Trinidadiaans|Trinidadiaanse
URY  Uruguay|Uruguayan|Uruguayans|Uruguayaans|Uruguayaanse|Montevideo
USA  United States|United States of America|=US|=U.S.|USA|=U.S.A.|America|American|Americans|Verenigde Staten|Verenigde Staten van Amerika|=VS|Amerika|Amerikaans|Amerikaanse|Amerikaan|Amerikanen|Washington
VEN  Venezuela|Venezuelan|Venezuelans|Venezolaans|Venezolaanse|Venezolaan|Venezolanen|Caracas
# ------------------------------------------------------------------ Africa
AGO  Angola|Angolan|Angolans|Angolees|Angolese|Angolezen|Luanda
BDI  Burundi|Burundian|Burundians|Burundees|Burundese|Burundezen|Gitega
BEN  Beninese|Beninees|Porto-Novo|Cotonou
BFA  Burkina Faso|Burkinabe|Burkinabè|Burkinees|Burkinese|Ouagadougou
BWA  Botswana|Botswanan|Botswaans|Botswaanse|Gaborone
CAF  Central African Republic|=CAR|Centraal-Afrikaanse Republiek|Centraal-Afrikaans|Bangui
CIV  Ivory Coast|Côte d'Ivoire|Ivorian|Ivorians|Ivoorkust|Ivoriaans|Ivoriaanse|Ivoriaan|Ivorianen|Yamoussoukro|Abidjan
CMR  Cameroon|Cameroonian|Cameroonians|Kameroen|Kameroens|Kameroense|Kameroener|Kameroeners|Yaoundé
COD  Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|=DRC|Congo|Congolese|Democratische Republiek Congo|Congolees|Congolezen|Kinshasa
COG  Republic of the Congo|Congo-Brazzaville|Republiek Congo|Brazzaville|!Congo
CPV  Cape Verde|Cape Verdean|Kaapverdisch|Kaapverdische|Praia
DJI  Djibouti|Djiboutian|Djiboutiaans|Djiboutiaanse
DZA  Algeria|Algerian|Algerians|Algerije|Algerijns|Algerijnse|Algerijn|Algerijnen|Algiers
ERI  Eritrea|Eritrean|Eritreans|Eritrees|Eritrese|Eritreeër|Eritreeërs|Asmara
ESH  Western Sahara|Westelijke Sahara|Sahrawi|Saharawi|Sahrawis|Saharawi's
ETH  Ethiopia|Ethiopian|Ethiopians|Ethiopië|Ethiopisch|Ethiopische|Ethiopiër|Ethiopiërs|Addis Ababa|Addis Abeba
GAB  Gabon|Gabonese|Gabonees|Libreville
GHA  Ghana|Ghanaian|Ghanaians|Ghanees|Ghanese|Ghanezen|Accra
GIN  Guinea|Guinean|Guineans|Guinee|Guinees|Guinese|Conakry
GMB  Gambia|The Gambia|Gambian|Gambiaans|Gambiaanse|Banjul
GNB  Guinea-Bissau|Bissau-Guinean|Guinee-Bissau|Bissau
GNQ  Equatorial Guinea|Equatorial Guinean|Equatoriaal-Guinea|Equatoriaal-Guinees|Equatoriaal-Guinese|Malabo
KEN  Kenya|Kenyan|Kenyans|Kenia|Keniaans|Keniaanse|Keniaan|Kenianen|Nairobi
LBR  Liberia|Liberian|Liberians|Liberiaans|Liberiaanse|Monrovia
LBY  Libya|Libyan|Libyans|Libië|Libisch|Libische|Libiër|Libiërs
LSO  Lesotho|Basotho|Maseru
MAR  Morocco|Moroccan|Moroccans|Marokko|Marokkaans|Marokkaanse|Marokkaan|Marokkanen|Rabat
MDG  Madagascar|Malagasy|Madagaskar|Malagassisch|Malagassische|Antananarivo
MLI  Mali|Malian|Malians|Malinees|Malinese|Malinezen|Bamako
MOZ  Mozambique|Mozambican|Mozambicans|Mozambikaans|Mozambikaanse|Maputo
MRT  Mauritania|Mauritanian|Mauritanians|Mauritaans|Mauritaanse|Nouakchott
MUS  Mauritian|Mauritiaans|Mauritiaanse
MWI  Malawi|Malawian|Malawians|Malawisch|Malawische|Lilongwe
NAM  Namibia|Namibian|Namibians|Namibisch|Namibische|Windhoek
NER  Niger|Nigerien|Nigeriens|Nigerees|Nigerese|Nigerezen|Niamey
NGA  Nigeria|Nigerian|Nigerians|Nigeriaans|Nigeriaanse|Nigeriaan|Nigerianen|Abuja
RWA  Rwanda|Rwandan|Rwandans|Rwandees|Rwandese|Rwandezen|Kigali
SDN  Sudan|Sudanese|Soedan|Soedanees|Soedanese|Soedanezen|Khartoum|Khartoem|Port Sudan
SEN  Senegal|Senegalese|Senegalees|Senegalezen|Dakar
SLE  Sierra Leone|Sierra Leonean|Sierra Leoneans|Sierra Leoons|Sierra Leoonse|Freetown
SOM  Somalia|Somali|Somalis|Somalian|Somalië|Somalisch|Somalische|Somaliër|Somaliërs|Mogadishu|Mogadisjoe
SSD  South Sudan|South Sudanese|Zuid-Soedan|Zuid-Soedanees|Zuid-Soedanese|Zuid-Soedanezen|Juba
SWZ  Swaziland|Swazi|Swazisch|Swazische|Mbabane
SYC  Seychelles|Seychellois
TCD  Chad|Chadian|Chadians|Tsjaad|Tsjadisch|Tsjadische|Tsjadiër|Tsjadiërs|N'Djamena|Ndjamena
TGO  Togo|Togolese|Togolees|Lomé
TUN  Tunisia|Tunisian|Tunisians|Tunesië|Tunesisch|Tunesische|Tunesiër|Tunesiërs|Tunis
TZA  Tanzania|Tanzanian|Tanzanians|Tanzaniaans|Tanzaniaanse|Dodoma
UGA  Uganda|Ugandan|Ugandans|Oeganda|Oegandees|Oegandese|Oegandezen|Kampala
ZAF  South Africa|South African|South Africans|Zuid-Afrika|Zuid-Afrikaans|Zuid-Afrikaanse|Zuid-Afrikaan|Zuid-Afrikanen|Pretoria
ZMB  Zambia|Zambian|Zambians|Zambiaans|Zambiaanse|Lusaka
ZWE  Zimbabwe|Zimbabwean|Zimbabweans|Zimbabwaans|Zimbabwaanse|Harare
# ----------------------------------------------------------------- Oceania
AUS  Australia|Australian|Australians|Australië|Australisch|Australische|Australiër|Australiërs|Canberra
FJI  Fiji|Fijian|Fijians|Fijisch|Fijische|Suva
NZL  New Zealand|New Zealander|New Zealanders|Nieuw-Zeeland|Nieuw-Zeelands|Nieuw-Zeelandse|Nieuw-Zeelander|Nieuw-Zeelanders
PNG  Papua New Guinea|Papua New Guinean|Papoea-Nieuw-Guinea|Papoea-Nieuw-Guinees|Papoea-Nieuw-Guinese|Port Moresby
WSM  Samoan|Samoaans|Samoaanse
TON  Tongan
# ------------------------------------- territories with ordinary-word names
ABW  Aruban|Arubaans|Arubaanse
BES  Bonaire|Caribisch Nederland|Caribbean Netherlands
GGY  !Guernsey|=Guernsey
GRL  Greenland|Greenlandic|Greenlanders|Groenland|Groenlands|Groenlandse|Groenlanders|Nuuk
JEY  !Jersey|=Jersey
MAF  !Saint Martin|!Sint-Maarten|Saint-Martin|Frans Sint-Maarten|French Saint Martin
NFK  !Norfolk|Norfolkeiland
REU  !Réunion|=Réunion|=Reunion
SXM  Sint Maarten|Nederlands Sint Maarten
# ------------------------------------------- institutions standing for agents
CHNGOV  Communist Party of China|Chinese Communist Party|=CCP|=CPC|Chinese Communistische Partij|Communistische Partij van China
CHNMIL  People's Liberation Army|=PLA|Volksbevrijdingsleger
DEULEG  Bundestag
DEUMIL  Bundeswehr
DEUSPY  Bundesnachrichtendienst|=BND
FRAGOV  Élysée|Élyséepaleis|Elysée-paleis|Quai d'Orsay
FRALEG  Assemblée nationale
GBRGOV  Downing Street|Whitehall|Foreign Office
GBRLEG  House of Commons|House of Lords|Lagerhuis|Hogerhuis
GBRSPY  =MI6|=MI5|=GCHQ
IRNMIL  Revolutionaire Garde|Iraanse Revolutionaire Garde|Revolutionary Guard|Revolutionary Guards|Revolutionary Guard Corps|Islamic Revolutionary Guard Corps|=IRGC|Quds Force|Qods Force|Quds-eenheid|Qods-eenheid|Al-Quds-eenheid
ISRLEG  Knesset
ISRMIL  =IDF|Israel Defense Forces|Israel Defence Forces|Tsahal
ISRSPY  Mossad|Shin Bet|Sjin Bet|Shabak
KORGOV  Blue House
NLDGOV  Catshuis|Torentje
NLDLEG  Tweede Kamer|Eerste Kamer|Staten-Generaal
NLDMILSPY  =MIVD
NLDSPY  =AIVD
PSEGOV  Palestinian Authority|Palestinian National Authority|Palestijnse Autoriteit|Palestijnse Nationale Autoriteit
RUSGOV  Kremlin
RUSLEG  Doema|Duma|Staatsdoema|State Duma|Federatieraad|Federation Council
RUSMILSPY  =GRU
RUSSPY  =FSB|=SVR
UKRLEG  Verchovna Rada|Verkhovna Rada
UKRSPY  =SBU
USACOP  =FBI
USAGOV  White House|Witte Huis|State Department|Department of State
USALEG  Capitol Hill|US Congress|Amerikaanse Congres|Amerikaans Congres
USAMIL  Pentagon
USASPY  =CIA|=NSA|National Security Agency
"""


def key(phrase):
    """The matcher's key: NFC, case-folded, diacritics stripped, quotes straightened."""
    if phrase.startswith("="):
        return phrase
    s = unicodedata.normalize("NFC", phrase)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.casefold()
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s)


def clean_iso_name(name):
    """Return a usable phrase from an iso-codes name, or None."""
    if "," in name:  # "Korea, Republic of", "Bolivia, Plurinational State of"
        return None
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    name = re.sub(r"\s+", " ", name)
    if name.lower().startswith("the "):
        name = name[4:]
    return name or None


def load_iso():
    with open(ISO_JSON, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    try:
        nl = gettext.translation("iso_3166-1", localedir=LOCALEDIR, languages=["nl"])
    except OSError:
        sys.exit("gen-countries: Dutch iso_3166-1 catalog not found under %s" % LOCALEDIR)
    out = {}
    for e in entries:
        code = CODE_MAP.get(e["alpha_3"], e["alpha_3"])
        names = []
        for field in ("common_name", "name", "official_name"):
            if field not in e:
                continue
            for raw in (e[field], nl.gettext(e[field])):
                n = clean_iso_name(raw)
                if n:
                    names.append(n)
        out[code] = names
    return out


def load_supplement():
    add, drop = {}, {}
    for lineno, line in enumerate(SUPPLEMENT.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        code, _, rest = line.partition(" ")
        if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", code):
            sys.exit("gen-countries: SUPPLEMENT line %d: bad code %r" % (lineno, code))
        for p in rest.strip().split("|"):
            p = p.strip()
            if not p:
                continue
            if p.startswith("!"):
                drop.setdefault(code, set()).add(key(p[1:]))
            else:
                add.setdefault(code, []).append(p)
    return add, drop


def build():
    iso = load_iso()
    add, drop = load_supplement()
    table = {}
    for code in sorted(set(iso) | set(add)):
        dropped = drop.get(code, set())
        phrases, seen = [], set()
        # supplement first (preferred spellings), then ISO-derived names
        for p in add.get(code, []) + [n for n in iso.get(code, []) if key(n) not in dropped]:
            k = key(p)
            if k in seen:
                continue
            if p.startswith("=") and key(p[1:]) in seen:
                continue
            seen.add(k)
            phrases.append(p)
        # a case-sensitive =X makes a plain X on the same line pointless;
        # the reverse (plain X listed and =X too) keeps the plain one only.
        plain = {key(p) for p in phrases if not p.startswith("=")}
        phrases = [p for p in phrases if not (p.startswith("=") and key(p[1:]) in plain)]
        if phrases:
            table[code] = phrases
    # report phrases shared by different codes
    owner = {}
    for code, phrases in table.items():
        for p in phrases:
            owner.setdefault(key(p), []).append(code)
    for k, codes in sorted(owner.items()):
        if len(codes) > 1:
            print("gen-countries: warning: %r under %s" % (k, ", ".join(codes)), file=sys.stderr)
    return table


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output",
                    default=os.path.join(here, "..", "dict", "actors", "countries.txt"),
                    help="output file, '-' for stdout")
    args = ap.parse_args()
    table = build()
    lines = [
        "# hooft actor dictionary: states.  GENERATED by tools/gen-countries.py from",
        "# Debian iso-codes (iso_3166-1.json + Dutch gettext catalog) and the script's",
        "# hand-written supplement.  Do not edit by hand: edit the script and rerun it.",
        "# Format: CODE<TAB>phrase|phrase|...   (docs/dictionaries.md)",
    ]
    for code in sorted(table):
        for p in table[code]:
            if "|" in p or "\t" in p or " #" in p:
                sys.exit("gen-countries: bad phrase %r for %s" % (p, code))
        lines.append(code + "\t" + "|".join(table[code]))
    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        print("gen-countries: wrote %d codes to %s" % (len(table), os.path.normpath(args.output)),
              file=sys.stderr)


if __name__ == "__main__":
    main()
