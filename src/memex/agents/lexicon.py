"""The words of the answer pipeline in Spanish, Portuguese, French, German, Italian and Dutch.

The answer pipeline's rules (agents/answer_type.py, plan.py, extractive.py, compose.py) are written for
English. This module holds what they need in the other languages, all in one place, and answers their
questions through small hooks: what language a question or a statement is in; its stop words (the
Snowball project's lists, language/stopwords.py) and stems (Snowball, through PyStemmer); what kind
of answer a question asks for ("¿Cuánto cuesta…?": an amount of money); its shape (temporal: "ahora",
"actualmente"; aggregation: "¿Cuántas veces…?", "¿Qué restaurantes nos compran…?"; relational: "el
comercial que nos subió el saco"); and what a statement offers ("19,10 €", "los jueves", "30 minutos").

Weekday, month, unit ("horas", "semanas") and "now"/"today" words come from dateparser's maintained locale
data, dates are read by ingest/dates.py, dates are written back through Babel's CLDR data ("20 de agosto de
2026"). The question words and the patterns built on them are written here, per language, over
accent-folded lower-case text ("cuánto" and "cuanto" alike).

English text never reaches these rules: every hook returns None (or nothing) for it, so the English
pipeline runs exactly as before. A text is taken as another language only when that language's function
words clearly outnumber English ones.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from collections.abc import Iterator
from typing import Any

from memex.language.fold import fold, unaccented

LANGS = ("es", "pt", "fr", "de", "it", "nl")
"""The languages besides English whose questions the answer pipeline reads."""
NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian",
         "nl": "Dutch"}

# ---- per-language data (patterns match accent-folded, lower-cased text) ------------------------------------
# Question words and other words that say how to answer, not what about: stop words for scoring, and never
# names ("¿Cuándo…?", "Qué").
_QUESTION_WORDS = {
    "es": "que cual cuales quien quienes cuando donde adonde como cuanto cuanta cuantos cuantas por porque llama "
          "llaman llamaba llamo nombre "
          "ahora actualmente todavia aun ultimo ultima ultimos ultimas veces vez todos todas",
    "pt": "que qual quais quem quando onde aonde como quanto quanta quantos quantas porque chama chamam nome "
          "agora atualmente "
          "atual ainda ultimo ultima ultimos ultimas vezes vez todos todas lista total",
    "fr": "que quoi qui quel quelle quels quelles quand ou comment combien pourquoi appelle appellent nom "
          "maintenant actuellement "
          "actuel actuelle toujours encore dernier derniere fois tous toutes liste total",
    "de": "was wer wen wem wessen wann wo wohin woher wie welche welcher welches welchen welchem warum wieviel "
          "heisst heissen name "
          "wieviele viele viel jetzt aktuell derzeit zurzeit momentan noch letzte letzten letzter mal alle liste "
          "insgesamt",
    "it": "che cosa chi quale quali quando dove come quanto quanta quanti quante perche chiama chiamano nome "
          "adesso ora attualmente "
          "attuale ancora ultimo ultima ultimi ultime volte volta tutti tutte elenco totale",
    "nl": "wat wie wiens wanneer waar waarheen hoe welke welk hoeveel waarom heet heten naam nu momenteel "
          "huidige tegenwoordig "
          "nog laatste keer keren alle lijst totaal",
}

# What kind of answer a question asks for (the kinds of agents/answer_type.py).
_KINDS: dict[str, dict[str, str]] = {
    "es": {
        "money": r"\bcuant[oa]s?\b.*\b(?:cost\w*|cuest\w+|cobr\w+|pag(?:[oa]s?|ue\w*|ar\w*|an|amos|ad[oa]s?|aste|aron|aba\w*)|precio\w*|vale|valen|valia|sale|salia|"
                 r"gast\w+|dinero|euros|import\w+|cuota|alquiler|sueldo|salario|factura\w*|presupuest\w+)\b|"
                 r"\bcuanto (?:le |les |te |me |nos |os )?deb\w+\b|"
                 r"\b(?:que|cual|cuanto) (?:es |era |fue )?(?:el |la |nuestr[oa] |mi |su )?(?:precio|importe|cuota|"
                 r"tarifa|alquiler|sueldo|salario|coste|costo|presupuesto|deuda|senal)\b|\ba cuanto (?:esta|sale)\b",
        "quantity": r"\bcuant[oa]s?\b|\b(?:que|cual es la|a que) (?:cantidad|numero|porcentaje|temperatura|peso|talla|"
                    r"hidratacion|dosis|edad|medida|altura|distancia|nota|puntuacion|version)\b|\bque (?:alto|grande|lejos)\b",
        "duration": r"\bcuanto tiempo\b|\bcuant[oa]s (?:horas|minutos|dias|semanas|meses|anos)\b|\bcuanto (?:dura|"
                    r"tarda|duro|tardo)\b|\bdurante cuanto\b",
        "date": r"\bcuando\b|\b(?:que|cual es la) (?:dia|fecha|ano|mes)\b|\ben que (?:ano|mes|fecha)\b|\bcumpleanos\b|"
                r"\bplazo\b|\bvence\b",
        "time": r"\bque hora\b|\bhorario\b|\bque dias?\b|\bcuando\b",
        "person": r"\bquien(?:es)?\b|\b(?:que|cual) (?:persona|comercial|proveedor\w*|medic[oa]|profesor\w*|gestor\w*|"
                  r"asesor\w*|vecin[oa]|amig[oa]|fisio\w*|dentista|electricista|fontanero|emplead[oa]|contable|"
                  r"client[ea]|jef[ea]|entrenador\w*)\b",
        "place": r"\b(?:a|de|en|por)? ?donde\b|\badonde\b|\b(?:en|de|a) que (?:ciudad|pueblo|calle|barrio|sitio|lugar|"
                 r"parque|tienda|bar|restaurante|hospital|colegio|pais|playa|hotel)\b|\bque (?:ciudad|pueblo|calle|"
                 r"barrio|direccion|sitio|lugar|restaurantes?|tiendas?|sitios|lugares)\b|\bdireccion\b",
        "name": r"\bcomo se llama\w*\b|\b(?:que|cual es el) nombre\b|\bllamad[oa]s?\b|\bque (?:marca|empresa|banco|"
                r"app|libro|receta|modelo|medicamento|harina|pastilla|producto)\b",
        "phone": r"\b(?:telefono|movil|whatsapp)\b",
        "code": r"\biban\b|\bnumero de (?:cuenta|pedido|poliza|factura|cliente|socio|serie|expediente|referencia)\b|"
                r"\bcuenta bancaria\b|\b(?:nif|cif|dni|nie|pin|contrasena|clave|codigo|referencia)\b|"
                r"\bmatricula del? (?:coche|auto|carro|furgoneta|furgon|moto|camion|vehiculo)\b",
    },
    "pt": {
        "money": r"\bquant[oa]s?\b.*\b(?:cust\w+|cobr\w+|pag(?:[oa]s?|ou|uei|ar\w*|am|amos|aram|ava\w*)|prec\w+|vale|valia|gast\w+|dinheiro|euros|reais|"
                 r"mensalidade|aluguel|aluguer|renda|salario|fatura\w*|orcamento)\b|\b(?:qual|quanto) (?:e |era |foi )?"
                 r"(?:o |a |nosso |nossa |meu |minha )?(?:preco|valor|mensalidade|aluguel|aluguer|renda|salario|custo|"
                 r"orcamento|divida|sinal)\b",
        "quantity": r"\bquant[oa]s?\b|\b(?:que|qual|qual a|qual e a) (?:quantidade|numero|percentagem|porcentagem|"
                    r"temperatura|peso|tamanho|dose|idade|medida|altura|distancia|nota|versao)\b",
        "duration": r"\bquanto tempo\b|\bquant[oa]s (?:horas|minutos|dias|semanas|meses|anos)\b|\bquanto (?:dura|"
                    r"demora|durou|demorou)\b|\bpor quanto tempo\b",
        "date": r"\bquando\b|\b(?:que|qual) (?:dia|data|ano|mes)\b|\bem que (?:ano|mes|data)\b|\baniversario\b|\bprazo\b|"
                r"\bqual (?:e|era|foi|sera) a data\b",
        "time": r"\b(?:que|a que) horas?\b|\bhorario\b|\bque dias?\b|\bquando\b",
        "person": r"\bquem\b|\b(?:que|qual) (?:pessoa|fornecedor\w*|medic[oa]|professor\w*|contabilista|contador\w*|"
                  r"vizinh[oa]|amig[oa]|fisio\w*|dentista|eletricista|canalizador|funcionari[oa]|cliente|chefe)\b",
        "place": r"\bonde\b|\baonde\b|\bde onde\b|\b(?:em|de|para) que (?:cidade|vila|rua|bairro|sitio|lugar|parque|loja|"
                 r"bar|restaurante|hospital|escola|pais|praia|hotel)\b|\b(?:que|qual|quais) (?:cidade|rua|bairro|endereco|morada|lugar|"
                 r"restaurantes?|lojas?|lugares)\b|\b(?:endereco|morada)\b",
        "name": r"\bcomo se chama\w*\b|\b(?:que|qual e o) nome\b|\bchamad[oa]s?\b|\bque (?:marca|empresa|banco|app|"
                r"livro|receita|modelo|medicamento|produto)\b",
        "phone": r"\b(?:telefone|telemovel|celular|whatsapp)\b",
        "code": r"\biban\b|\bnumero de (?:conta|pedido|apolice|fatura|cliente|socio|serie|referencia)\b|"
                r"\b(?:nif|cpf|cnpj|pin|senha|palavra-passe|codigo|referencia)\b|"
                r"\b(?:placa|matricula) d[oa] (?:carro|automovel|carrinha|moto|caminhao|veiculo)\b",
    },
    "fr": {
        "money": r"\bcombien\b.*\b(?:cout\w*|pay\w*|pai(?:e\w*|ement\w*)|factur\w+|depens\w+|vaut|valait|euros|gagn\w+|loyer|"
                 r"salaire|prix|tarif|devis|budget)\b|\b(?:quel|quelle) (?:est |etait |a ete )?(?:le |la |notre |mon |ma )?"
                 r"(?:prix|cout|tarif|loyer|salaire|montant|budget|devis|cotisation|mensualite|acompte)\b",
        "quantity": r"\bcombien\b|\b(?:quel|quelle|quels|quelles) (?:est |etait )?(?:le |la )?(?:quantite|nombre|"
                    r"pourcentage|temperature|poids|taille|dose|age|mesure|hauteur|distance|note|version)\b",
        "duration": r"\bcombien de (?:temps|heures|minutes|jours|semaines|mois|ans|annees)\b|\bpendant combien\b|"
                    r"\bcombien (?:dure|de temps dure)\b",
        "date": r"\bquand\b|\b(?:quel|quelle) (?:jour|date|annee|mois)\b|\ben quelle (?:annee|date)\b|\banniversaire\b|"
                r"\bdepuis quand\b|\bjusqu'?a quand\b|\becheance\b|\b(?:quel|quelle) (?:est|etait|sera|a ete) (?:la date|le jour)\b",
        "time": r"\ba quelle heure\b|\bquelle heure\b|\bhoraires?\b|\bquels jours\b|\bquand\b",
        "person": r"\bqui\b|\b(?:quel|quelle) (?:personne|fournisseur|medecin|professeur|comptable|voisin\w*|ami\w*|kine|"
                  r"dentiste|electricien|plombier|employe\w*|client\w*|patron\w*)\b",
        "place": r"\bouu\b|\b(?:dans|de|a|en) quel(?:le)? (?:ville|village|rue|quartier|endroit|lieu|parc|"
                 r"magasin|boutique|bar|restaurant|hopital|ecole|pays|plage|hotel)\b|\b(?:quelle|quel|quels|quelles) "
                 r"(?:ville|rue|quartier|adresse|endroit|lieu|restaurants?|magasins?|lieux)\b|\badresse\b",
        "name": r"\bcomment s'?appelle\w*\b|\b(?:quel est le )?nom\b|\bappele\w*\b|\b(?:quelle|quel) (?:marque|"
                r"entreprise|societe|banque|appli\w*|livre|recette|modele|medicament|produit)\b",
        "phone": r"\b(?:telephone|portable|mobile|whatsapp)\b",
        "code": r"\biban\b|\bnumero de (?:compte|commande|police|facture|client|membre|serie|reference|dossier)\b|"
                r"\b(?:siret|siren|pin|mot de passe|code|reference|immatriculation|plaque)\b",
    },
    "de": {
        "money": r"\bwie ?viel\b.*\b(?:(?:ge)?kost\w*|zahl\w*|bezahl\w*|gezahlt|verdien\w*|ausgegeben|euro|miete|gehalt|preis|"
                 r"gebuhr\w*|rate|lohn)\b|\bwas (?:kost\w+|zahl\w+|verdien\w+)\b|\b(?:welchen|welcher|welche|wie hoch "
                 # a compound names its money by its last part ("Kaltmiete", "Jahresbeitrag", "Monatsrate")
                 r"(?:ist|war|sind|waren)) (?:der |die |das |unser\w* |mein\w* )?\w*(?:preis|miete|gehalt|betrag|beitrag|"
                 r"rate|kosten|budget|anzahlung|lohn|gebuhr)\b",
        "quantity": r"\bwie ?viele?\b|\bwie (?:hoch|schwer|gross|lang|weit|alt|oft|warm|kalt|tief)\b|\b(?:welche|"
                    r"welcher|welches) (?:\w+-)?(?:anzahl|nummer|temperatur|gewicht|grosse|dosis|note|version)\b",
        "duration": r"\bwie lange?\b|\bwie viele (?:stunden|minuten|tage|wochen|monate|jahre)\b",
        "date": r"\bwann\b|\b(?:welche[mnrs]?|an welchem) (?:tag|datum|jahr|monat)\b|\bgeburtstag\b|\bseit wann\b|"
                r"\bbis wann\b|\bfrist\b|\b(?:was|wie) (?:ist|war) das datum\b",
        "time": r"\bum wie ?viel uhr\b|\bwelche uhrzeit\b|\buhrzeit\b|\boffnungszeiten\b|\ban welchen tagen\b|\bwann\b",
        "person": r"\bwer\b|\bwem\b|\bwen\b|\bwessen\b|\b(?:welche[mnrs]?) (?:person|lieferant\w*|arzt|arztin|lehrer\w*|"
                  r"steuerberater\w*|nachbar\w*|freund\w*|physio\w*|zahnarzt|elektriker|mitarbeiter\w*|kund\w*|chef\w*)\b",
        "place": r"\bwo\b|\bwohin\b|\bwoher\b|\b(?:in|aus|an) welche[mnrs]? (?:stadt|dorf|strasse|viertel|ort|park|"
                 r"laden|geschaft|bar|restaurant|krankenhaus|schule|land)\b|\bwelche[mnrs]? (?:stadt|strasse|adresse|"
                 r"ort|restaurants?|laden)\b|\badresse\b",
        "name": r"\bwie hei(?:ss|ß)t\b|\bwie lautet der name\b|\bname\b|\bgenannt\b|\bwelche[mnrs]? (?:marke|firma|"
                r"bank|app|buch|rezept|modell|medikament|produkt)\b",
        "phone": r"\b(?:telefon\w*|handy\w*|mobilnummer|whatsapp)\b",
        "code": r"\biban\b|\b(?:konto|bestell|kunden|mitglieds|rechnungs|versicherungs|steuer)nummer\b|"
                r"\b(?:pin|passwort|kennwort|code|aktenzeichen|kennzeichen|nummernschild)\b",
    },
    "it": {
        "money": r"\bquant[oaie]\b.*\b(?:cost\w*|pag(?:[oa]|hi\w*|are|at[oaie]|av\w+|ano|amo|ai)|spes\w*|spend\w+|vale|valeva|euro|affitto|stipendio|prezz\w+|"
                 r"tariff\w+|preventiv\w+|fattur\w+|rata)\b|\b(?:qual e|quale era|qual era) (?:il |la |l'|nostr[oa] |"
                 r"mi[oa] )?(?:prezzo|costo|tariffa|affitto|stipendio|importo|rata|budget|preventivo|acconto)\b",
        "quantity": r"\bquant[oaie]\b|\b(?:che|quale) (?:quantita|numero|percentuale|temperatura|peso|taglia|dose|eta|"
                    r"misura|altezza|distanza|voto|versione)\b",
        "duration": r"\bquanto tempo\b|\bquant[ei] (?:ore|minuti|giorni|settimane|mesi|anni)\b|\bquanto (?:dura|ci "
                    r"mette|e durato)\b|\bper quanto tempo\b",
        "date": r"\bquando\b|\b(?:che|quale|in che) (?:giorno|data|anno|mese)\b|\bcompleanno\b|\bda quando\b|"
                r"\bfino a quando\b|\bscadenza\b|\bqual(?:e)? (?:e|era|sara) (?:la data|il giorno)\b",
        "time": r"\ba che ora\b|\bche ora\b|\borari[oi]\b|\bquali giorni\b|\bquando\b",
        "person": r"\bchi\b|\b(?:quale|che) (?:persona|fornitore|medico|professore\w*|commercialista|vicin[oa]|amic[oa]|"
                  r"fisio\w*|dentista|elettricista|idraulico|dipendente|cliente|capo)\b",
        "place": r"\bdove\b|\bda dove\b|\b(?:in|di|a) (?:quale|che) (?:citta|paese|via|quartiere|posto|luogo|parco|"
                 r"negozio|bar|ristorante|ospedale|scuola|spiaggia|albergo)\b|\b(?:quale|che|quali) (?:citta|via|"
                 r"quartiere|indirizzo|posto|luogo|ristoranti?|negozi?|posti|luoghi)\b|\bindirizzo\b",
        "name": r"\bcome si chiama\w*\b|\b(?:qual e il )?nome\b|\bchiamat[oa]\b|\b(?:quale|che) (?:marca|azienda|ditta|"
                r"banca|app|libro|ricetta|modello|farmaco|prodotto)\b",
        "phone": r"\b(?:telefono|cellulare|whatsapp)\b",
        "code": r"\biban\b|\bnumero di (?:conto|ordine|polizza|fattura|cliente|socio|serie|riferimento|pratica)\b|"
                r"\b(?:codice fiscale|partita iva|pin|password|codice|targa)\b",
    },
    "nl": {
        "money": r"\bhoeveel\b.*\b(?:kost\w*|betaal\w*|betaald|verdien\w*|uitgegeven|euro|huur|salaris|loon|prijs|"
                 r"tarief|offerte|rekening|termijn)\b|\bwat (?:kost\w*|betaal\w*|verdien\w*)\b|\b(?:wat|hoe hoog) (?:is|was) "
                 r"(?:de|het|onze|mijn) \w*(?:prijs|huur|salaris|bedrag|contributie|kosten|termijn|aanbetaling|offerte)\b",
        "quantity": r"\bhoeveel\b|\bhoe (?:hoog|zwaar|groot|lang|ver|oud|vaak|warm|koud|diep)\b|\b(?:welk|welke|wat is "
                    r"het|wat is de) (?:aantal|nummer|percentage|temperatuur|gewicht|maat|dosis|leeftijd|cijfer|versie)\b",
        "duration": r"\bhoe ?lang\b|\bhoeveel (?:uur|uren|minuten|dagen|weken|maanden|jaren|jaar)\b",
        "date": r"\bwanneer\b|\b(?:welke|op welke) (?:dag|datum)\b|\b(?:welk|in welk) (?:jaar|maand)\b|\bverjaardag\b|"
                r"\bsinds wanneer\b|\btot wanneer\b|\bdeadline\b|\bwat (?:is|was) de datum\b",
        "time": r"\bhoe laat\b|\bopeningstijden\b|\bop welke dagen\b|\btijden\b|\bwanneer\b",
        "person": r"\bwie\b|\bwiens\b|\b(?:welke|welk) (?:persoon|leverancier|arts|dokter|leraar|lerares|boekhouder|buur\w*|"
                  r"vriend\w*|fysio\w*|tandarts|elektricien|loodgieter|medewerker|klant|baas)\b",
        "place": r"\bwaar\b|\bwaarheen\b|\bwaarvandaan\b|\b(?:in|uit) welke? (?:stad|dorp|straat|wijk|plaats|park|winkel|"
                 r"bar|restaurant|ziekenhuis|school|land)\b|\bwelke? (?:stad|straat|adres|plaats|restaurants?|"
                 r"winkels?)\b|\badres\b",
        "name": r"\bhoe heet\w*\b|\bwat is de naam\b|\bnaam\b|\bgenoemd\b|\bwelke? (?:merk|bedrijf|bank|app|boek|recept|"
                r"model|medicijn|product)\b",
        "phone": r"\b(?:telefoon\w*|mobiel\w*|gsm|whatsapp)\b",
        "code": r"\biban\b|\b(?:rekening|bestel|klant|lid|factuur|polis|dossier)nummer\b|\b(?:bsn|pin|pincode|"
                r"wachtwoord|code|referentie|kenteken|nummerplaat)\b",
    },
}

# Question shapes (agents/plan.py).
_TEMPORAL = {
    "es": r"\b(?:ahora|actual\w*|todavia|aun|sigue|siguen|seguimos|ultim[oa]s?|ultimamente|hoy en dia|al final|"
          r"finalmente|cambi\w+|antes|despues|desde|ya no|en este momento|a dia de hoy|vigente|de momento|hoy)\b",
    "pt": r"\b(?:agora|atual\w*|ainda|continua\w*|ultim[oa]s?|ultimamente|hoje em dia|no fim|afinal|finalmente|mud\w+|"
          r"antes|depois|desde|ja nao|neste momento|de momento|hoje)\b",
    "fr": r"\b(?:maintenant|actuel\w*|toujours|encore|derni\w+|aujourd'?hui|au final|finalement|a la fin|chang\w+|"
          r"avant|apres|depuis|ne \w+ plus|en ce moment|desormais|a present)\b",
    "de": r"\b(?:jetzt|aktuell\w*|derzeit\w*|zurzeit|momentan|inzwischen|mittlerweile|immer noch|noch|letzte\w*|"
          r"neueste\w*|heute|heutzutage|am ende|schliesslich|ge(?:a|ae)ndert|wechsel\w*|vorher|nachher|seit|"
          r"nicht mehr|gerade)\b",
    "it": r"\b(?:adesso|ora|attual\w*|ancora|ultim[oaie]|oggi|oggigiorno|alla fine|infine|cambiat\w*|prima|dopo|"
          r"da quando|non \w+ piu|in questo momento|al momento|ultimamente|di recente)\b",
    "nl": r"\b(?:nu|tegenwoordig|momenteel|huidige?|actue\w+|nog steeds|nog|laatste|vandaag|uiteindelijk|"
          r"veranderd|gewijzigd|vroeger|voorheen|daarna|sinds|niet meer|op dit moment)\b",
}
_FEMININE_ER = "nummer|mutter|tochter|schwester|butter|feder|leiter|mauer|steuer|kammer|oper|ader|wimper"
"""German feminine nouns in "-er": after "welche" they are one thing ("Welche Nummer habe ich…?"), not a list."""
_AGGREGATE = {
    # Each language's list first asks what is still to do ("¿Qué nos queda por hacer?", "Was ist noch offen?"):
    # a checklist's open items (agents/checklist.py). "Combien de temps", "hoeveel tijd": a duration, one value.
    "es": r"\bqueda(?:n)? por (?:hacer|comprar)\b|\bque (?:me |nos )?falta(?:n)? por\b|\bpendientes\b|"
          r"\bcuant[oa]s (?!\w+ (?:es|era|son|fue|fueron|esta|estaba) )|\bcuantas veces\b|\btod[oa]s (?:l[oa]s|"
          r"mis|nuestr[oa]s) \w+ (?:que|de|en)\b|\bcada un[oa]\b|\blista de\b|\benumera\b|\ben total\b|"
          r"\ben conjunto\b|^(?:que|cuales) (?!\w+mos\b)\w+s (?:\w+ )?\w{2,}[aeo]n\b|^(?:con )?quienes\b|\bcuales son\b",
    "pt": r"\bfalta(?:m)? (?:fazer|comprar)\b|\bpor fazer\b|\bpendentes\b|"
          r"\bquant[oa]s (?!\w+ (?:e|era|sao|foi|foram|esta|estava) )|\bquantas vezes\b|\btod[oa]s (?:[oa]s|"
          r"meus|minhas|nossos|nossas) \w+ (?:que|de|em)\b|\bcada um\b|\blista de\b|\bno total\b|\bao todo\b|"
          r"^(?:que|quais) (?!\w+mos\b)\w+s (?:\w+ )?\w{2,}[aeo]m\b|^(?:com )?quem (?:sao|foram)\b|\bquais (?:sao|foram)\b",
    "fr": r"\breste(?:nt)? a (?:faire|acheter)\b|\bencore a faire\b|\bpas encore (?:ete )?(?:fait|coche)|"
          r"\bcombien de (?!temps\b)(?!\w+ (?:est|etait|a) )|\bcombien de fois\b|\b(?:tous|toutes) (?:les|mes|nos) \w+ "
          r"(?:qui|que|de|dans)\b|\bchacun\b|\bliste des\b|\bau total\b|\ben tout\b|\b(?:quels|quelles)\b|^qui (?:sont|etaient)\b",
    "de": r"\bnoch (?:offen|zu (?:tun|erledigen|machen|kaufen))\b|\bnoch nicht (?:erledigt|abgehakt|gemacht)\b|"
          r"\bwie ?viele (?!\w+ (?:ist|war|hat) )|\bwie oft\b|\balle \w+, die\b|\bliste (?:alle|der)\b|\binsgesamt\b|"
          r"\bzusammen\b|\bwelche \w+ (?:\w+ )?(?:\w+en|sind|waren) (?:wir|ich|uns)\b|^wer (?:sind|waren)\b|"
          # "Welche Bücher habe ich gelesen?": "welche" before a plural ("-er", "-en", "-s"; the feminine
          # singulars in "-er" aside); "Welche Posten stehen auf…": a plural subject with its plural verb.
          rf"^welche (?!\w*(?:{_FEMININE_ER})\b)\w+(?:er|en|s) (?:habe|hatte|hab) ich\b|"
          r"^welche \w+ (?!(?:haben|hatten|sind|waren|werden)\b)\w+en (?!(?:die|der|das|den|dem|des|ein\w*|mein\w*|"
          r"dein\w*|sein\w*|ihr\w*|unser\w*|euer\w*|wir|sie|ich|du|er|es|man)\b)|"
          # "Was haben wir alles gemacht?", "Welche Bücher habe ich alle gelesen?" ("alle zwei Wochen": how often)
          r"^(?:was|welche|wer|wen|wem|wo)\b.*\balle(?:s)?\b(?! (?:\d|zwei|drei|vier|paar|halbe|\w+ (?:tage|wochen|"
          r"monate|jahre|stunden)\b))",
    "it": r"\b(?:resta|restano|rimane|rimangono|ancora) da fare\b|\bnon (?:ancora )?(?:fatt|spuntat)\w*|"
          r"\bquant[ie] (?!\w+ (?:e|era|sono|erano) )|\bquante volte\b|\btutt[ie] (?:i|gli|le|i miei|le mie|i nostri|"
          r"le nostre) \w+ (?:che|di|in)\b|\bciascuno\b|\belenco\b|\bin totale\b|\bin tutto\b|\bquali\b|^chi (?:sono|erano)\b",
    "nl": r"\bnog (?:te doen|open)\b|\bmoet(?:en)? (?:ik|we|wij) nog\b|\bnog niet (?:gedaan|afgevinkt)\b|"
          r"\bhoeveel (?!tijd\b)(?!(?:kost|kostte|kosten|betaal\w*|verdien\w*|bedraagt|bedroeg|is|was|heeft|had|weegt|"
          r"woog)\b)(?!\w+ (?:is|was|heeft) )|\bhoe vaak\b|\balle \w+ die\b|\blijst van\b|\bin totaal\b|"
          r"\bbij elkaar\b|\bwelke \w+ (?:\w+ )?(?:\w+en|zijn|waren) (?:we|wij|ik)\b|^wie (?:zijn|waren)\b|"
          r"^welke \w+(?:en|s|'s) (?:heb|had) ik\b|^(?:wat|welke|wie)\b.*\ballemaal\b",
}
# A question asking for a total ("¿Cuánto … en total?", "Wie viel … insgesamt?", "le total de mes recettes"): a
# line that states the total answers it ("Total T1 : 22 910,00 €", "Gesamt 2026: 89 kg"), not the list of its items.
_TOTAL_Q = {
    "es": r"\ben total\b|\ben conjunto\b|\bel total\b|\btotal de\b",
    "pt": r"\bno total\b|\bao todo\b|\bo total\b|\btotal de\b",
    "fr": r"\bau total\b|\ben tout\b|\ble total\b|\btotal de\b",
    "de": r"\binsgesamt\b|\bgesamt\w*\b|\bsumme\b",
    "it": r"\bin totale\b|\bin tutto\b|\bil totale\b|\btotale d\w+\b",
    "nl": r"\bin totaal\b|\bbij elkaar\b|\bhet totaal\b|\btotaal\b",
}
_STATES_TOTAL = re.compile(r"\b(?:total(?:e|es|en|s)?|gesamt\w*|insgesamt|summe|somme|suma|soma|totaal|totale)\b"
                           r"[^\d\n]{0,30}\d", re.I)
"""A line that states a total: the word, then (within a label's reach) its figure. Any language: the notes'
language need not be the question's."""
_TOTAL_WORDS = frozenset("total totale totaux totales totais totaal gesamt insgesamt summe somme suma soma zusammen "
                         "conjunto tutto todo".split())

# Multi-part questions: ", y qué …", "; ".
_PARTS = {
    "es": r"\s*(?:,\s*y\s+(?=(?:que|cuando|donde|quien|como|cuanto|cual|el|la|los|las)\b)|;\s+|\?\s+(?=\S))",
    "pt": r"\s*(?:,\s*e\s+(?=(?:que|quando|onde|quem|como|quanto|qual|o|a|os|as)\b)|;\s+|\?\s+(?=\S))",
    "fr": r"\s*(?:,\s*et\s+(?=(?:que|quand|ou|qui|comment|combien|quel|quelle|le|la|les)\b)|;\s+|\?\s+(?=\S))",
    "de": r"\s*(?:,\s*und\s+(?=(?:was|wann|wo|wer|wie|welche\w*|der|die|das)\b)|;\s+|\?\s+(?=\S))",
    "it": r"\s*(?:,\s*e\s+(?=(?:che|quando|dove|chi|come|quanto|quale|il|la|i|le)\b)|;\s+|\?\s+(?=\S))",
    "nl": r"\s*(?:,\s*en\s+(?=(?:wat|wanneer|waar|wie|hoe|hoeveel|welke|de|het)\b)|;\s+|\?\s+(?=\S))",
}
# A thing named by what it did ("el comercial que nos subió el saco", "quien encontró el apartamento") or by
# its relation to someone ("el hermano de Andrés").
_CLAUSE = r"(?:[^?,;]|(?<=\d)[,.](?=\d))*"
_NOT_ARTICLE = r"(?:(?!(?:el|la|los|las|o|a|os|as|le|les|il|lo|i|gli|de|het|der|die|das|des|que|qui|che)\b)[\w-]+\s+)"
# A relative clause opened by a preposition and a relative word, where the relative word alone would not do: "la
# empresa *de la que* vino el correo", "die Firma, *von der* angeblich eine Mail kam", "l'hôtel *dans lequel*…",
# "il cliente *con il quale*…", "o cliente *para o qual*…", "de collega *met wie*…", "het huis *waarin*…". (A plain
# "qui"/"cui"/"quem" after a preposition is matched already: the preposition is a word like any other. German "um" is
# left out: "um den Inhalt zu extrahieren" is a purpose, not a relative clause.)
_PREP_RELATIVE = {
    "es": r"(?:a|de|con|para|por|en|sin|sobre|desde|hasta|entre|hacia|contra)\s+(?:el|la|los|las|lo)\s+(?:que|cual|cuales)"
          r"|(?:del|al)\s+(?:que|cual)",
    "pt": r"(?:a|de|com|para|por|em|sem|sobre|desde|ate|entre|contra)\s+(?:o|a|os|as)\s+(?:que|qual|quais)"
          r"|(?:do|da|dos|das|no|na|nos|nas|ao|aos|pelo|pela|pelos|pelas)\s+(?:qual|quais)",
    "fr": r"(?:(?:a|de|avec|pour|par|dans|sur|sous|chez|contre|entre|vers|pendant|sans)\s+)?(?:lequel|laquelle|lesquels"
          r"|lesquelles)|auquel|auxquel(?:le)?s|duquel|desquel(?:le)?s",
    "de": r"(?:von|fur|mit|aus|bei|zu|an|auf|in|uber|unter|nach|vor|gegen|durch|ohne|seit|hinter|neben|zwischen)\s+"
          r"(?:der|die|das|den|dem|denen|dessen|deren|welche[mnrs]?)",
    "it": r"(?:(?:a|di|da|in|con|su|per|tra|fra)\s+)?(?:il|la|i|le)\s+qual[ei]|(?:del|della|dei|delle|al|alla|ai|alle|dal|"
          r"dalla|dai|dalle|nel|nella|nei|nelle|sul|sulla|sui|sulle)\s+qual[ei]",
    "nl": r"(?:met|van|voor|bij|aan|naar|op|om|over|tegen|zonder|door)\s+wie|waar(?:mee|van|voor|bij|aan|naar|op|om|over|in"
          r"|uit|door|tegen)",
}
_RELATIONAL = {
    "es": rf"\b(?P<d>(?:el|la|los|las|mi|mis|nuestr[oa]s?|su|sus|tu|tus)\s+{_NOT_ARTICLE}{{0,3}}?(?:que|quien|quienes|"
          rf"cuy[oa]s?|donde)\s+(?!(?:en|de|a|el|la|los|las|un|una|es|era)\b){_CLAUSE}|quien(?:es)?\s+\w+{_CLAUSE}|"
          rf"(?:el|la|los|las|mi|mis|nuestr[oa]s?|su|sus)\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:{_PREP_RELATIVE['es']})\s+{_CLAUSE})",
    "pt": rf"\b(?P<d>(?:o|a|os|as|meu|minha|meus|minhas|noss[oa]s?|seu|sua)\s+{_NOT_ARTICLE}{{0,3}}?(?:que|quem|cuj[oa]s?|"
          rf"onde)\s+(?!(?:em|de|a|o|os|as|um|uma|e|era)\b){_CLAUSE}|quem\s+\w+{_CLAUSE}|"
          rf"(?:o|a|os|as|meu|minha|meus|minhas|noss[oa]s?|seu|sua)\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:{_PREP_RELATIVE['pt']})"
          rf"\s+{_CLAUSE})",
    "fr": rf"\b(?P<d>(?:le|la|les|l'|mon|ma|mes|notre|nos|son|sa|ses)\s*{_NOT_ARTICLE}{{0,3}}?(?:qui|dont|ou|"
          rf"{_PREP_RELATIVE['fr']})\s+{_CLAUSE}|celui qui\s{_CLAUSE}|celle qui\s{_CLAUSE})",
    # German sets a relative clause off with a comma ("das Fahrzeug, das …", "die Firma, von der …"): without one,
    # "der"/"die" after a noun is an article ("der Filter der Absaugung", "die Miete für die Werkstatt").
    "de": rf"\b(?P<d>(?:der|die|das|den|dem|des|mein\w*|unser\w*|sein\w*|ihr\w*)\s+{_NOT_ARTICLE}{{0,3}}?[\w-]+,\s*"
          rf"(?:{_PREP_RELATIVE['de']}|der|die|das|den|dem|dessen|deren|wo)\s+{_CLAUSE}|(?:derjenige|diejenige|"
          rf"diejenigen|dasjenige),?\s+(?:der|die|das)\s+{_CLAUSE})",
    "it": rf"\b(?P<d>(?:il|lo|la|i|gli|le|l'|mio|mia|miei|mie|nostr[oaie]|suo|sua)\s*{_NOT_ARTICLE}{{0,3}}?(?:che|cui|"
          rf"dove)\s+(?!(?:in|di|a|il|la|e)\b){_CLAUSE}|chi\s+\w+{_CLAUSE}|"
          rf"(?:il|lo|la|i|gli|le|l'|mio|mia|miei|mie|nostr[oaie]|suo|sua)\s*[\w-]+(?:\s+[\w-]+)?,?\s+"
          rf"(?:{_PREP_RELATIVE['it']})\s+{_CLAUSE})",
    "nl": rf"\b(?P<d>(?:de|het|mijn|onze|ons|zijn|haar)\s+{_NOT_ARTICLE}{{0,3}}?(?:die|dat|wie|waar|"
          rf"{_PREP_RELATIVE['nl']})\s+{_CLAUSE}|(?:degene|diegene|degenen|diegenen)\s+(?:die|dat)\s+{_CLAUSE})",
}
_RELATION_NOUNS = {
    "es": "hermano hermana madre padre mama papa mujer marido esposo esposa hijo hija hijos novio novia pareja jefe jefa "
          "gestor gestora vecino vecina amigo amiga suegro suegra cunado cunada sobrino sobrina primo prima tio tia "
          "abuelo abuela nieto nieta medico medica profesor profesora companero companera socio socia casero casera "
          "contable dentista fisio entrenador entrenadora",
    "pt": "irmao irma mae pai mulher marido esposo esposa filho filha namorado namorada parceiro parceira chefe contador "
          "contabilista vizinho vizinha amigo amiga sogro sogra cunhado cunhada sobrinho sobrinha primo prima tio tia "
          "avo neto neta medico medica professor professora colega socio socia senhorio",
    "fr": "frere soeur mere pere femme mari epoux epouse fils fille copain copine compagnon compagne patron patronne "
          "comptable voisin voisine ami amie beau-pere belle-mere beau-frere belle-soeur neveu niece cousin cousine "
          "oncle tante grand-pere grand-mere petit-fils petite-fille medecin professeur collegue associe proprietaire",
    "de": "bruder schwester mutter vater frau mann ehemann ehefrau sohn tochter freund freundin partner partnerin chef "
          "chefin steuerberater nachbar nachbarin schwager schwagerin neffe nichte cousin cousine onkel tante opa oma "
          "grossvater grossmutter enkel enkelin arzt arztin lehrer lehrerin kollege kollegin vermieter",
    "it": "fratello sorella madre padre mamma papa moglie marito figlio figlia fidanzato fidanzata compagno compagna capo "
          "commercialista vicino vicina amico amica suocero suocera cognato cognata nipote cugino cugina zio zia nonno "
          "nonna medico professore professoressa collega socio socia padrone",
    "nl": "broer zus moeder vader vrouw man echtgenoot echtgenote zoon dochter vriend vriendin partner baas boekhouder "
          "buurman buurvrouw zwager schoonzus neef nicht oom tante opa oma grootvader grootmoeder kleinzoon kleindochter "
          "dokter arts leraar lerares collega huisbaas verhuurder",
}
_OF = {"es": "de(?:l)?", "pt": "d[oa]s?|de", "fr": "d[eu]|des|de la", "de": "von", "it": "d[ie]|del(?:la|lo)?",
       "nl": "van"}
# Words before a date that open or close the window a question names ("desde septiembre de 2025").
_SINCE = {"es": r"desde|a partir de|despues de", "pt": r"desde|a partir de|depois de", "fr": r"depuis|a partir de|apres",
          "de": r"seit|ab|nach", "it": r"dal|dalla|dall'|dallo|da|dopo", "nl": r"sinds|vanaf|na"}
_UNTIL = {"es": r"hasta|antes de", "pt": r"ate|antes de", "fr": r"jusqu'?a|jusqu'?au|avant", "de": r"bis|vor",
          "it": r"fino a|fino al|prima di|prima del", "nl": r"tot|voor"}
_IN_YEAR = {"es": r"en|durante|del ano", "pt": r"em|durante|no ano de", "fr": r"en|pendant|durant", "de": r"im|in|wahrend",
            "it": r"nel|durante", "nl": r"in|tijdens"}

# What a statement offers, besides what the English rules already find.
_PLACE_NOUNS = {
    "es": r"calle|c/|avenida|avda|av\.|plaza|paseo|barrio|parque|pueblo|ciudad|hospital|colegio|centro|estacion|"
          r"mercado|tienda|bar|restaurante|playa|hotel|piso|casa de|camino|carretera|poligono|nave|local|escuela|"
          r"instituto|universidad|clinica",
    "pt": r"rua|r\.|avenida|av\.|praca|largo|travessa|bairro|parque|vila|cidade|hospital|escola|colegio|liceu|"
          r"universidade|clinica|centro|estacao|mercado|"
          r"loja|bar|restaurante|praia|hotel|apartamento|casa de|estrada",
    "fr": r"rue|avenue|av\.|boulevard|bd|place|quartier|parc|village|ville|hopital|clinique|ecole|college|lycee|"
          r"universite|centre|gare|marche|magasin|"
          r"boutique|bar|restaurant|plage|hotel|appartement|chemin|route",
    "de": r"strasse|str\.|weg|platz|allee|gasse|viertel|park|dorf|stadt|krankenhaus|klinik|schule|gymnasium|"
          r"realschule|kita|universitat|zentrum|bahnhof|markt|"
          r"laden|geschaft|bar|restaurant|strand|hotel|wohnung",
    "it": r"via|viale|piazza|corso|vicolo|quartiere|parco|paese|citta|ospedale|clinica|scuola|liceo|universita|"
          r"centro|stazione|mercato|negozio|"
          r"bar|ristorante|spiaggia|albergo|hotel|appartamento|strada",
    "nl": r"straat|laan|weg|plein|gracht|kade|wijk|park|dorp|stad|ziekenhuis|kliniek|school|college|lyceum|"
          r"gymnasium|universiteit|centrum|station|markt|winkel|bar|"
          r"restaurant|strand|hotel|appartement",
}
_PLACE_PREPS = {"es": r"en|a|de|desde|hacia|junto a|cerca de|por", "pt": r"em|no|na|a|de|do|da|para|perto de",
                "fr": r"a|au|en|de|du|dans|pres de|vers", "de": r"in|im|nach|aus|bei|am|an der|zum|zur",
                "it": r"a|in|da|di|nel|nella|al|alla|vicino a", "nl": r"in|naar|uit|bij|op|te"}
# Number words ("dos", "zwei"); the words for "one" are left out: they are also the articles ("un", "una").
_NUMBER_WORDS = {
    "es": "dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cuarenta "
          "cincuenta cien ciento mil medio media docena primer primero primera segundo segunda tercero tercera",
    "pt": "dois duas tres quatro cinco seis sete oito nove dez onze doze quinze vinte trinta quarenta cinquenta "
          "cem cento mil meio meia duzia primeiro primeira segundo segunda terceiro terceira",
    "fr": "deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante cinquante cent "
          "mille demi demie douzaine premier premiere deuxieme second seconde troisieme",
    "de": "zwei drei vier funf sechs sieben acht neun zehn elf zwolf funfzehn zwanzig dreissig vierzig "
          "funfzig hundert tausend halb halbe dutzend erste ersten zweite zweiten dritte dritten",
    "it": "due tre quattro cinque sei sette otto nove dieci undici dodici quindici venti trenta quaranta "
          "cinquanta cento mille mezzo mezza dozzina primo prima secondo seconda terzo terza",
    "nl": "twee drie vier vijf zes zeven acht negen tien elf twaalf vijftien twintig dertig veertig vijftig honderd "
          "duizend half halve dozijn eerste tweede derde",
}
_DAY_PARTS = {"es": "manana mananas tarde tardes noche noches mediodia madrugada", "pt": "manha tarde noite meio-dia "
              "madrugada", "fr": "matin matins apres-midi soir soirs nuit midi minuit", "de": "morgens vormittags "
              "mittags nachmittags abends nachts mittag mitternacht", "it": "mattina mattino pomeriggio sera notte "
              "mezzogiorno mezzanotte", "nl": "ochtend ochtends middag middags avond avonds nacht"}
_WEEKDAY_PARTS = {"de": r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)s?",
                  "nl": r"(?:ochtend|morgen|middag|avond|nacht)(?:en|s)?"}
"""German and Dutch write a weekday and a part of the day as one word ("Dienstagabend", "dinsdagmiddag")."""
_PERIODIC = {"es": r"fin(?:es)? de semana|diario|a diario|semanal|cada semana|entre semana|laborables?",
             "pt": r"fins? de semana|diario|diariamente|semanal|todas as semanas|dias uteis",
             "fr": r"week-ends?|quotidien|chaque semaine|hebdomadaire|en semaine",
             "de": r"wochenende\w*|taglich|wochentlich|werktags|jede woche",
             "it": r"fine settimana|weekend|ogni giorno|quotidian\w+|settimanal\w+|feriali",
             "nl": r"weekend\w*|dagelijks|wekelijks|elke week|werkdagen|doordeweeks"}
_MONEY_TAIL = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:€|eur\b|euros?\b|r\$|reais\b|chf\b)|(?:€|r\$)\s?\d", re.I)
_TIME = re.compile(r"\b(?<!\d\.)(?:[01]?\d|2[0-3])[:.h][0-5]\d\b(?![.:]\d)(?!(?<=\.(?:0[1-9]|1[0-2]))\.)|\b(?:[01]?\d|2[0-3])\s?(?:h|uhr)\b", re.I)

# How an extractive answer frames what it quotes (agents/compose.py, extractive.py).
LABELS: dict[str, dict[str, str]] = {
    "en": {"latest": "Latest:", "before": "Before that:", "replaced": "{new} since {date}; was {old}.",
           "entries": "{n} matching entries in your notes:",
           "disowned": "You marked the pasted message this comes from as not genuine:",
           "abstain": "I couldn't find this in your notes.",
           "modified": "file modified {date}, no date in the note"},
    "es": {"latest": "Lo último:", "before": "Antes:", "replaced": "{new} desde el {date}; antes {old}.",
           "entries": "{n} entradas en tus notas:",
           "disowned": "Marcaste el mensaje pegado del que sale esto como no auténtico:",
           "abstain": "No he encontrado esto en tus notas.",
           "modified": "archivo modificado el {date}, la nota no tiene fecha"},
    "pt": {"latest": "O mais recente:", "before": "Antes:", "replaced": "{new} desde {date}; antes {old}.",
           "entries": "{n} entradas nas suas notas:",
           "disowned": "Marcou a mensagem colada de onde isto vem como não autêntica:",
           "abstain": "Não encontrei isto nas suas notas.",
           "modified": "ficheiro modificado em {date}, a nota não tem data"},
    "fr": {"latest": "Le plus récent :", "before": "Avant :", "replaced": "{new} depuis le {date} ; avant {old}.",
           "entries": "{n} entrées dans vos notes :",
           "disowned": "Vous avez noté que le message collé d'où vient ceci n'est pas authentique :",
           "abstain": "Je n'ai pas trouvé cela dans vos notes.",
           "modified": "fichier modifié le {date}, la note n'a pas de date"},
    "de": {"latest": "Zuletzt:", "before": "Davor:", "replaced": "{new} seit {date}; vorher {old}.",
           "entries": "{n} passende Einträge in deinen Notizen:",
           "disowned": "Du hast die eingefügte Nachricht, aus der das stammt, als nicht echt markiert:",
           "abstain": "Das habe ich in deinen Notizen nicht gefunden.",
           "modified": "Datei geändert am {date}, die Notiz hat kein Datum"},
    "it": {"latest": "Il più recente:", "before": "Prima:", "replaced": "{new} dal {date}; prima {old}.",
           "entries": "{n} voci nelle tue note:",
           "disowned": "Hai segnato il messaggio incollato da cui viene questo come non autentico:",
           "abstain": "Non l'ho trovato nelle tue note.",
           "modified": "file modificato il {date}, la nota non ha una data"},
    "nl": {"latest": "Het laatst:", "before": "Daarvoor:", "replaced": "{new} sinds {date}; eerder {old}.",
           "entries": "{n} passende items in je notities:",
           "disowned": "Je hebt het geplakte bericht waar dit uit komt als niet echt gemarkeerd:",
           "abstain": "Ik heb dit niet in je notities gevonden.",
           "modified": "bestand gewijzigd op {date}, de notitie heeft geen datum"},
}


# ---- folding, stop words, stems ------------------------------------------------------------------------------
# (fold and unaccented: memex.language.fold, shared with retrieve/ and ingest/)

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@functools.lru_cache(maxsize=None)
def _snowball(lang: str) -> frozenset[str]:
    from memex.language.stopwords import STOPWORDS

    return frozenset(fold(w) for w in STOPWORDS[lang].split())


@functools.lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """A language's words that say nothing about the topic (Snowball's list and the question words), folded."""
    return _snowball(lang) | frozenset(_QUESTION_WORDS.get(lang, "").split())


# Words that mark a language when a text is too short for its stop words to tell (questions): its question
# words and "now" words. Each counts fully for every language that lists it.
_MARKERS = {
    "es": "que cual cuales quien quienes cuando donde adonde como cuanto cuanta cuantos cuantas ahora todavia "
          "actualmente",
    "pt": "que qual quais quem quando onde aonde como quanto quanta quantos quantas agora ainda atualmente",
    "fr": "quoi quel quelle quels quelles quand ou comment combien pourquoi maintenant actuellement",
    "de": "wer wann wie warum welche welcher welches welchen welchem wieviel wieviele jetzt derzeit momentan",
    "it": "cosa quale quali quando dove come quanto quanta quanti quante perche adesso attualmente",
    "nl": "wie wanneer waar hoe hoeveel welke welk waarom momenteel tegenwoordig",
}
_ASKED: contextvars.ContextVar[str] = contextvars.ContextVar("memex_asked_language", default="en")


@functools.lru_cache(maxsize=None)
def _function_words() -> dict[str, dict[str, float]]:
    """Folded word -> {language: weight}: a stop word shared by k languages counts 1/k for each, a marker 1."""
    owners: dict[str, set[str]] = {}
    for lang in ("en", *LANGS):
        for w in _snowball(lang):
            owners.setdefault(w, set()).add(lang)
    table = {w: {lang: 1.0 / len(langs) for lang in langs} for w, langs in owners.items()}
    for lang, words in _MARKERS.items():
        for w in words.split():
            table.setdefault(w, {})[lang] = 1.0
    return table


_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def detect(text: str) -> str:
    """"en"; one of LANGS when two or more of that language's function words (or a "¿" / "¡") weigh 2 or more
    and twice the English ones; "und" when neither it nor English is clear ("Barra: 1,20 €", "Coche: 4 h")."""
    scores = dict.fromkeys(("en", *LANGS), 0.0)
    seen: dict[str, set[str]] = {lang: set() for lang in scores}
    table = _function_words()
    for w in set(_TOKEN.findall(fold(text))):
        if len(w) < 2:
            continue  # "a", "y", "o", "e", "d": shared by several languages, and initials ("Ruth A")
        for lang, weight in table.get(w, {}).items():
            scores[lang] += weight
            seen[lang].add(w)
    if "¿" in text or "¡" in text:
        scores["es"] += 2.0
        seen["es"].add("¿")
    first = _TOKEN.search(fold(text))
    for lang in LANGS:  # a question opening with its question word ("Qual é…", "Wie heet…")
        if first and first.group(0) in _MARKERS[lang].split():
            scores[lang] += 1.0
            seen[lang].add("^")
    best = max(LANGS, key=lambda lang: scores[lang])
    best = _closest_call(text, best, scores)
    enough = 1.5 if text.rstrip().endswith("?") else 2.0  # a question is short: its question words tell
    if scores[best] >= enough and len(seen[best]) >= 2 and scores[best] > 2 * scores["en"]:
        return best
    if scores["en"] >= max(1.0, scores[best]):
        return "en"
    return _short_question(text, best, scores)


def _short_question(text: str, best: str, scores: dict[str, float]) -> str:
    """A question too short for its function words to tell, led by one language's ("Was kostet die VIP-Stufe
    der Catalyst-Lizenz?": "die", "der" are German or Dutch, "was" English too), in that language when the
    character n-gram detector is sure of it against English; else "und"."""
    if not text.rstrip().endswith("?") or scores[best] < 1.0 or scores[best] <= scores["en"]:
        return "und"
    from memex.language.detect import detect_query

    got = detect_query(text, {"en", best})
    return best if got.lang == best and got.confidence >= 0.95 else "und"


def _closest_call(text: str, best: str, scores: dict[str, float]) -> str:
    """Between two languages whose function words nearly tie (Italian "Qual è…" reads as Portuguese: "qual",
    and "è" folds to "e"), the one the character n-gram detector prefers (memex.language.detect)."""
    rivals = [lang for lang in LANGS if lang != best and scores[lang] > 0 and scores[best] <= 2 * scores[lang]]
    if not rivals:
        return best
    from memex.language.detect import detect_query

    picked = detect_query(text, {best, *rivals}).lang
    return picked if picked in rivals else best


def language(text: str) -> str:
    """The language a text is read in: its own (`detect`), or for a text that holds no function word, the
    language of the passage it was taken from (`reading`), else of the question being answered (`asked`)."""
    lang = detect(text)
    if lang != "und":
        return lang
    passage = _PASSAGE.get()
    if passage and not _of_question(text):
        return passage
    return _ASKED.get()


_PASSAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("memex_passage_language", default=None)
_QUESTION: contextvars.ContextVar[str] = contextvars.ContextVar("memex_read_for", default="")
_ASKED_TEXT: contextvars.ContextVar[str] = contextvars.ContextVar("memex_asked_text", default="")


def _of_question(text: str) -> bool:
    """Is the text (a part of) the question being answered, not a statement of the notes: the question a
    statement is read for (`reading`) or the question asked (`asked`)? A bridge's description ("Javi's wife",
    "Hugo's best friend") holds no function word, yet is the question's, in the question's language."""
    t = text.strip().lower()
    return bool(t) and any(t in q.lower() for q in (_QUESTION.get(), _ASKED_TEXT.get()) if q)


@contextlib.contextmanager
def reading(passage_language: str, question: str = "") -> Iterator[None]:
    """While reading one statement of a passage in `passage_language` for `question`: a statement too short to
    tell ("Acheté le 15/11 à Gérard, 180 €.") is read in its passage's language, not the question's — an English
    question over French notes reads "180 €." as the French rules do. The question (or a part of it) stays in its
    own language however short. Languages other than English and LANGS change nothing."""
    lang = passage_language if passage_language in ("en", *LANGS) else None
    token, asked_for = _PASSAGE.set(lang), _QUESTION.set(question)
    try:
        yield
    finally:
        _QUESTION.reset(asked_for)
        _PASSAGE.reset(token)


@contextlib.contextmanager
def asked(question: str) -> Iterator[None]:
    """While answering `question`: statements too short to tell ("Barra: 1,20 €") are read in its language."""
    token, text = _ASKED.set(detect(question) if detect(question) != "und" else "en"), _ASKED_TEXT.set(question)
    try:
        yield
    finally:
        _ASKED_TEXT.reset(text)
        _ASKED.reset(token)


@functools.lru_cache(maxsize=None)
def _stemmer(lang: str) -> Any:
    from memex.language.analyzer import SNOWBALL

    try:
        import Stemmer
    except ImportError:  # a declared dependency; without it words are matched as written
        return None
    return Stemmer.Stemmer(SNOWBALL[lang]) if lang in SNOWBALL else None


def _stem(word: str, lang: str) -> str:
    st = _stemmer(lang)
    return fold(st.stemWord(word) if st is not None else word)


@functools.lru_cache(maxsize=65536)
def _terms(text: str, lang: str) -> tuple[tuple[str, str, str], ...]:
    """(stem, word, English-stemmed word) of each content word of a text in `lang`."""
    stop = stopwords(lang)
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'’-")
        fw = fold(w)
        if not fw or fw in stop or len(fw) < 2:
            continue
        en = next((w[: -len(s)] for s in ("ing", "ed", "es", "s") if len(w) > len(s) + 2 and w.endswith(s)), w)
        out.append((_stem(w, lang), w, en))
    return tuple(out)


def content_terms(text: str) -> set[str] | None:
    """A statement or question in another language: its content words, each as its Snowball stem, as written and
    as the English rules stem it (so an English question's "Rubén" still meets the note's "Rubén"). None for
    English."""
    lang = language(text)
    if lang == "en":
        return None
    return {t for triple in _terms(text, lang) for t in triple}


def question_terms(question: str) -> dict[str, str] | None:
    """A question in another language: Snowball stem -> the word as written. None for English."""
    lang = language(question)
    if lang == "en":
        return None
    out: dict[str, str] = {}
    for stem, word, _ in _terms(question, lang):
        out.setdefault(stem, word)
    return out


# ---- questions ---------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _compiled(table: str, lang: str) -> re.Pattern[str] | None:
    source = {"temporal": _TEMPORAL, "aggregate": _AGGREGATE, "parts": _PARTS}[table].get(lang)
    return re.compile(source) if source else None


@functools.lru_cache(maxsize=None)
def _kind_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(p) for kind, p in _KINDS.get(lang, {}).items()}


def _question(q: str) -> str:
    """A question folded for the patterns, without its opening "¿" / "¡" and surrounding space ("où", where,
    stays apart from "ou", or, as "ouu")."""
    return fold(re.sub(r"\b[oO]ù\b", "ouu", q)).strip().lstrip("¿¡ ").strip()


_WHEN = {"es": "cuando", "pt": "quando", "fr": "quand", "it": "quando", "nl": "wanneer"}
"""The word for "when" where it is also the conjunction ("el destino CNAME cuando apunto mi dominio")."""
_WHEN_OPENS = {"es": "desde|hasta|para|de|y", "pt": "desde|ate|até|para|de|e", "fr": "depuis|jusqu'à|jusqu'a|pour|et",
               "it": "da|fino a|per|di|e", "nl": "sinds|tot|vanaf|en"}
"""Words that may stand before a "when" that asks ("¿desde cuándo…?", "jusqu'à quand…?", "¿y cuándo…?")."""


def _conjunction_when(question: str, lang: str) -> str:
    """The question without "when" where it is a conjunction: "when" asks for a time where it opens a sentence
    (after "¿", ".", "?", or "desde", "depuis"... there), and in Spanish wherever it has its accent ("cuándo")."""
    word = _WHEN.get(lang)
    if word is None:
        return question
    opens = re.compile(rf"(?:^|[¿¡.?!;:])\s*(?:(?:{_WHEN_OPENS[lang]})\s+)?$", re.IGNORECASE)

    def keep(m: re.Match[str]) -> str:
        asks = m.group().lower() != word or opens.search(question[:m.start()]) is not None
        return m.group() if asks else "…"
    return re.sub(rf"(?i)\b{word.replace('a', '[aá]', 1) if lang == 'es' else word}\b", keep, question)


def expected_kinds(question: str) -> frozenset[str] | None:
    """The answer kinds a question in another language asks for (agents/answer_type.py's names); None for
    English, which the English rules read."""
    lang = language(question)
    if lang == "en":
        return None
    q = _question(_conjunction_when(question, lang))
    p = _kind_patterns(lang)
    kinds: set[str] = set()
    if p["money"].search(q):
        kinds.add("money")
    if p["duration"].search(q):
        kinds.add("duration")
    if p["quantity"].search(q) and "money" not in kinds and "duration" not in kinds:
        kinds |= {"quantity", "number"}
    if p["date"].search(q):
        kinds.add("date")
    if p["time"].search(q):
        kinds |= {"time", "weekday"}
    if p["person"].search(q):
        kinds.add("person")
    if p["place"].search(q):
        kinds.add("place")
    if p["name"].search(q) and not kinds:
        kinds.add("name")
    if p["code"].search(q) or _identifier_asked(q, lang):
        kinds = (kinds - {"number", "quantity"}) | {"code"}
    if p["phone"].search(q) and _asks_phone(q, lang):
        kinds = (kinds - {"number", "quantity", "code"}) | {"phone"}
    return frozenset(kinds)


_NUMBER_OF = {"es": r"numero (?:de|del) (?:la |el )?", "pt": r"numero (?:de|do|da) ", "it": r"numero (?:di|del|della|dello) ",
              "fr": r"numero (?:de (?:la )?|du |d'|de l')"}


def _identifier_asked(q: str, lang: str) -> bool:
    """Does the (folded) question ask for an identifier by the word "number" of one thing ("número do lote",
    "numéro de sécurité sociale"): the number of a singular noun names it, where a
    plural one counts ("número de clientes")? The patterns' lists of identifiers cannot hold every trade's."""
    of = _NUMBER_OF.get(lang)
    m = re.search(rf"\b(?:{of})([^\W\d_]+)", q) if of else None
    return m is not None and not m.group(1).endswith("s")


_PHONE_ASK = {"es": (r"numero", r"cual es (?:el|su|tu)|que", r"de|del"),
              "pt": (r"numero", r"qual (?:e )?(?:o|seu|teu)|qual", r"de|do|da"),
              "fr": (r"numero", r"quel est (?:le|son|ton)|quel", r"de|du"),
              "de": (r"nummer", r"welche|wie lautet|wie ist", r"von|vom"),
              "it": (r"numero", r"qual e (?:il|il suo|il tuo)|quale", r"di|del|della"),
              "nl": (r"nummer", r"wat is|welk|welke", r"van")}
"""(number words, "which / what is", "of") per language: a question names a phone to ask for its number ("¿cuál es
el móvil de Rubén?", "número de teléfono", "Telefonnummer"), not whenever it mentions one ("Mi teléfono Android
borra los adjuntos…")."""


def _asks_phone(q: str, lang: str) -> bool:
    """Does the (folded) question ask for a phone number, as English's "phone number" / "what's his mobile?"."""
    phone = _KINDS[lang]["phone"]
    number, which, of = _PHONE_ASK.get(lang, ("", "", ""))
    if not number:
        return True
    return bool(re.search(rf"\b(?:{number})\b\W+(?:(?:de|di|van|do|da)\W+)?(?:{phone})|(?:{phone})\w*{number}|"
                          rf"\b(?:{which})\W+(?:\w+\W+){{0,2}}?(?:{phone})|(?:{phone})\W+(?:{of})\W+\w|"
                          rf"(?:{phone})\W*$", q))


def is_temporal(question: str) -> bool:
    """Does a question in another language ask about now or about change ("ahora", "actualmente", "todavía")?"""
    lang = language(question)
    if lang == "en":
        return False
    pattern = _compiled("temporal", lang)
    return bool(pattern and pattern.search(_question(question))) or bool(_now_words(lang) & set(
        _WORD.findall(_question(question))))


@functools.lru_cache(maxsize=None)
def _now_words(lang: str) -> frozenset[str]:
    """"now" and "today" in a language, from dateparser's locale data."""
    from dateparser.languages.loader import default_loader

    rel = default_loader.get_locale(lang).info.get("relative-type", {})
    words = [w for key in ("0 second ago", "0 day ago") for w in rel.get(key, [])]
    return frozenset(fold(w) for w in words if " " not in w)


def is_aggregation(question: str) -> bool:
    """Does a question in another language collect across notes ("¿Cuántas veces…?", "¿Qué restaurantes nos
    compran pan?", "combien de", "welche Restaurants kaufen wir")?"""
    lang = language(question)
    if lang == "en":
        return False
    pattern = _compiled("aggregate", lang)
    return bool(pattern and pattern.search(_question(question)))


def asks_total(question: str) -> bool:
    """Does a question in another language ask for a total ("en total", "insgesamt", "le total de")?"""
    lang = language(question)
    source = _TOTAL_Q.get(lang)
    return bool(source and re.search(source, _question(question)))


def states_total(text: str) -> bool:
    """Does a statement state a total with its figure ("Total au 10-oct : 952,80 €", "**Gesamt 2026: 89 kg**")?"""
    return bool(_STATES_TOTAL.search(fold(text)))


def total_words(terms: set[str]) -> set[str]:
    """The words among `terms` that only say "total" (not what is totalled)."""
    return {t for t in terms if fold(t) in _TOTAL_WORDS or fold(t).startswith("gesamt")}


def split_parts(question: str) -> list[str] | None:
    """The parts of a multi-part question in another language (None for English)."""
    lang = language(question)
    if lang == "en":
        return None
    pattern = _compiled("parts", lang)
    if pattern is None:
        return [question]
    # Split the folded text, then cut the original at the same offsets (folding keeps lengths for these scripts).
    folded = fold(question)
    if len(folded) != len(question):
        return [p for p in pattern.split(question) if p]
    out, last = [], 0
    for m in pattern.finditer(folded):
        out.append(question[last:m.start()])
        last = m.end()
    out.append(question[last:])
    return [p for p in out if p]


@functools.lru_cache(maxsize=None)
def _relation_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(_RELATION_NOUNS[lang].split())
    possessive = (rf"\b(?P<d>(?:el|la|los|las|o|a|os|as|le|les|l'|der|die|das|il|lo|i|gli|de|het|mi|mis|my|mon|ma|"
                  rf"mes|meu|minha|mein\w*|mio|mia|mijn|nuestr\w*|noss\w*|notre|nos|unser\w*|nostr\w*|onze|su|sus|"
                  rf"seu|sua|sein\w*|suo|zijn|haar)\s*(?:{nouns})\s+(?:{_OF[lang]})\s+(?:\w+\s+){{0,3}}?(?-i:[A-Z])\w+)")
    return re.compile(_RELATIONAL[lang], re.I), re.compile(possessive, re.I)


def relation(question: str) -> tuple[int, int] | None:
    """Where a question in another language names a thing only by what it did or how it relates ("el comercial
    que nos subió el saco a 18,20 €", "quien encontró el apartamento", "el hermano de Andrés"): the span of that
    description, or None. Matches the folded question, whose offsets are the question's for these scripts."""
    lang = language(question)
    if lang == "en":
        return None
    q = fold(question) if len(fold(question)) == len(question) else question.lower()
    relative, possessive = _relation_patterns(lang)
    for pattern in (relative, possessive):
        # The possessive pattern needs the capital of the name it ends on: match the question as written.
        m = pattern.search(q if pattern is relative else question)
        if m:
            return m.start("d"), m.end("d")
    return None


# The writer's own possessives ("mi", "mon", "meines"): "la mujer de *mi antiguo jefe*" names the boss by his relation
# to the writer, found first like English "my old boss".
_MINE = {"es": r"mi|mis|nuestr[oa]s?", "pt": r"meu|minha|meus|minhas|noss[oa]s?", "fr": r"mon|ma|mes|notre|nos",
         "de": r"mein\w*|unser\w*", "it": r"mio|mia|miei|mie|nostr[oaie]", "nl": r"mijn|onze|ons"}
_ARTICLE = {"es": r"el|la|los|las", "pt": r"o|a|os|as", "fr": r"le|la|les|l'", "de": r"der|die|das|den|dem|des",
            "it": r"il|lo|la|i|gli|le|l'", "nl": r"de|het"}


@functools.lru_cache(maxsize=None)
def _mine_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # The nouns are folded; a question keeps "œ" ("sœur") where folding cannot shorten it.
    nouns = "|".join(n.replace("oe", "(?:oe|œ)") for n in _RELATION_NOUNS[lang].split())
    # German says "of" by the genitive alone ("die Frau meines Chefs").
    of = rf"(?:(?:{_OF[lang]})\s+)" + ("?" if lang == "de" else "")
    # "la mujer de *mi (antiguo) jefe*", "die Frau *meines alten Chefs*": only a relation of my relation is a hop. Where
    # my relation is asked about directly ("ma mère cuisine…") the notes name her by it, and a statement giving
    # someone else's mother ("sa mère") would be taken for her.
    own = (rf"\b(?:{nouns})\s+{of}(?P<d>(?:{_MINE[lang]})\s+(?:[\w-]+\s+)?(?:{nouns})(?:e?s|e?n)?)\b")
    # "la compagne de *la cheffe de notre chœur*": a relation of someone named by what they are to a thing of mine
    # (the outer relation word says the inner phrase is a person to find, not an attribute of my thing).
    chained = (rf"\b(?:{nouns})\s+(?:{_OF[lang]})\s*(?P<d>(?:{_ARTICLE[lang]})\s*[\w-]+\s+{of}"
               rf"(?:{_MINE[lang]})\s+[\w-]+)")
    return re.compile(own, re.I), re.compile(chained, re.I)


def self_relation(question: str) -> tuple[int, int] | None:
    """Where a question in another language asks about a relation of someone it names by their relation to the
    writer ("mi antiguo jefe" in "la mujer de mi antiguo jefe", "la cheffe de notre chœur" in "la compagne de la cheffe
    de notre chœur"): the span of that inner description, or None."""
    lang = language(question)
    if lang not in _MINE:
        return None
    q = fold(question) if len(fold(question)) == len(question) else question.lower()
    for pattern in _mine_patterns(lang):
        m = pattern.search(q)
        if m:
            return m.start("d"), m.end("d")
    return None


def window_words(lang: str) -> tuple[str, str, str]:
    """(since, until, in-year) words of a language, as regex alternatives (folded)."""
    return _SINCE[lang], _UNTIL[lang], _IN_YEAR[lang]


def time_window_marks(question: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """For a question in another language: patterns for "since" / "until" before a date and "in <year>" (over the
    folded question). None for English."""
    lang = language(question)
    if lang == "en":
        return None
    since, until, in_year = window_words(lang)
    return (re.compile(rf"\b(?:{since})\s+(?:el\s+|le\s+|o\s+|il\s+|de\s+|den\s+)?$"),
            re.compile(rf"\b(?:{until})\s+(?:el\s+|le\s+|o\s+|il\s+|de\s+|den\s+)?$"),
            re.compile(rf"\b(?:{in_year})\s+((?:19|20)\d\d)\b"))


# ---- statements ----------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _offer_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(lang).info
    days = [fold(t) for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
            for t in info.get(d, []) if len(t) >= 4]
    units = [fold(t) for u in ("minute", "hour", "day", "week", "month", "year") for t in info.get(u, [])
             if len(t) >= 3]
    day_alt = "|".join(sorted({re.escape(d) for d in days}, key=len, reverse=True))
    unit_alt = "|".join(sorted({re.escape(u) for u in units} | {"h", "min", "hrs?"}, key=len, reverse=True))
    return {
        "weekday": re.compile(rf"\b(?:{day_alt})(?:s|{_WEEKDAY_PARTS.get(lang, '(?!)')})?\b|\b(?:{_PERIODIC[lang]})\b"),
        "duration": re.compile(rf"\b\d+(?:[.,]\d+)?\s?(?:{unit_alt})\b|\b(?:{'|'.join(_NUMBER_WORDS[lang].split())})"
                               rf"\s(?:{unit_alt})\b"),
        "time": re.compile(rf"\b(?:{'|'.join(_DAY_PARTS[lang].split())})\b"),
        "number": re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS[lang].split())})\b"),
        "place": re.compile(rf"(?:^|\s)(?:{_PLACE_NOUNS[lang]})(?=\s|$)"),
        "place_name": re.compile(rf"(?i:\b(?:{_PLACE_PREPS[lang]}))\s+(?:(?i:el|la|los|las|le|les|il|lo|o|a|os|as|"
                                 rf"de|het|der|die|das|den|dem)\s+)?[A-Z][\w'’-]+"),
        # A year on its own is a date where "in" / "since" / "until" introduces it ("la empezó papá en 2003",
        # "seit 2019"), as the English rule reads "in 1624".
        "year": re.compile(rf"\b(?:{_IN_YEAR[lang]}|{_SINCE[lang]}|{_UNTIL[lang]})\s+((?:1[0-9]|20)\d\d)\b(?![.,:/-]\d)"),
    }


def offers(sentence: str, question: str) -> frozenset[str]:
    """The answer kinds a statement offers that the English rules miss, when the statement or the question is
    in another language: euros written after the amount ("19,10 €"), "21h", weekdays, durations and day
    parts in words ("los jueves", "30 minutos", "por la tarde"), places ("en Calatayud", "c/ Unceta")."""
    lang = language(sentence)
    if lang == "en":
        lang = language(question)
        if lang == "en":
            return frozenset()
    folded = fold(sentence)
    q = fold(question)

    def new(found: list[str]) -> bool:
        return any(f.strip() and f.strip() not in q for f in found)

    p = _offer_patterns(lang)
    kinds: set[str] = set()
    if new([fold(m.group(0)) for m in _MONEY_TAIL.finditer(sentence)]):
        kinds.add("money")
    if new([m.group(0) for m in _TIME.finditer(folded)]) or new([m.group(0) for m in p["time"].finditer(folded)]):
        kinds.add("time")
    if new([m.group(0) for m in p["weekday"].finditer(folded)]):
        kinds.add("weekday")
    if new([m.group(0) for m in p["duration"].finditer(folded)]):
        kinds.add("duration")
    if new([m.group(0) for m in p["number"].finditer(folded)]):
        kinds.add("number")
    # the preposition read without its accent ("à Vallon-Pont-d'Arc", "près de Lyon"), the name's capital kept
    if p["place"].search(folded) or p["place_name"].search(unaccented(sentence)):
        kinds.add("place")
    if new(p["year"].findall(folded)):
        kinds.add("date")
    return frozenset(kinds)


def skips_name(word: str, text: str) -> bool:
    """Is a capitalised word of a text in another language a function word, not a name ("Qué", "Wann")?"""
    lang = language(text)
    return lang != "en" and fold(word).strip(".'’") in stopwords(lang)


_NOUN_SHAPE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+")
"""A German common noun (or a part of a hyphenated one) as written: "Datei", "Konfliktdatei", "Website"."""


def name_words(name: str, question: str) -> str:
    """The part of a name found in a question that is a name: in German every noun is capitalised ("Datei",
    "Personen", "Konfliktdatei"), so only words (or parts of hyphenated ones) shaped otherwise count there
    (acronyms, inner capitals, digits: "VIP" of "VIP-Stufe", "CNAME", "iOS"), and a name of two words or more that
    German writes into a hyphenated compound ("Microsoft-Word-Datei": "Microsoft Word"); one leading part is as often
    a common noun ("Standard-Kontextfenster", "Kanu-Club"); elsewhere the name as found."""
    if language(question) != "de":
        return name
    out: list[str] = []
    for w in name.split():
        parts = w.split("-")
        lead = len(parts) - 1 if len(parts) >= 3 else 0  # a name of two words or more written into the compound
        out += [p for i, p in enumerate(parts) if p and (not _NOUN_SHAPE.fullmatch(p) or i < lead)]
    return " ".join(out)


# ---- answers in the question's language ---------------------------------------------------------------------
def label(key: str, question: str, **values: Any) -> str:
    """A framing phrase of an extractive answer ("Latest:", "Lo último:") in the question's language."""
    lang = language(question) if question else "en"
    return LABELS.get(lang, LABELS["en"])[key].format(**values)


def long_date(iso: str, question: str) -> str | None:
    """A date as the question's language writes it ("20 de agosto de 2026"), through Babel's CLDR data; None
    for English (the English rules write it) or when Babel is missing."""
    import datetime as dt

    lang = language(question) if question else "en"
    if lang == "en":
        return None
    try:
        from babel.dates import format_date
        return str(format_date(dt.date.fromisoformat(iso), format="long", locale=lang))
    except (ImportError, ValueError):
        return None


def answer_language(question: str) -> str:
    """The name of the language an answer should be written in ("Spanish"), from the question."""
    return NAMES.get(language(question), "English")
