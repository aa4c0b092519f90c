"""French translation of the desktop client: fills resources/translations/negotiator_fr.ts
from the table below and compiles it with pyside6-lrelease.

Run after changing UI strings:
    pyside6-lupdate ui/*.py ui/models/*.py -ts resources/translations/negotiator_fr.ts -no-obsolete
    python tools/translations_fr.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "negotiator_fr.ts"
QM = TS.with_suffix(".qm")

# English -> French. A tuple gives the singular and plural forms of a %n message.
FR: dict[str, str | tuple[str, str]] = {
    # Link corrections
    "Correct the Link of %1": "Corriger le lien de %1",
    "Which paragraph of %1 does %2 of %3 continue? Positions and notes follow the link, in this draft and the later ones.":
        "Quel paragraphe de %1 le %2 de %3 prolonge-t-il ? Les positions et les notes suivent le lien, "
        "dans ce projet et les suivants.",
    "It &continues this paragraph of %1:": "Il &prolonge ce paragraphe de %1 :",
    "It is &new in %1 (continues nothing)": "Il est &nouveau dans %1 (ne prolonge rien)",
    "&Automatic: as the comparison finds it": "&Automatique : selon la comparaison",
    "Filter by number or words": "Filtrer par numéro ou par mots",
    "Filter the paragraphs of the previous draft": "Filtrer les paragraphes du projet précédent",
    "Paragraphs of %1": "Paragraphes de %1",
    "Correct Paragraph &Link…": "Corriger le &lien du paragraphe…",
    "Say which paragraph of the previous draft this one continues":
        "Indiquer quel paragraphe du projet précédent celui-ci prolonge",
    "Correct Paragraph Link": "Corriger le lien du paragraphe",
    "Select a paragraph first.": "Sélectionnez d'abord un paragraphe.",
    "This is the first draft: its paragraphs continue nothing.":
        "C'est le premier projet : ses paragraphes ne prolongent rien.",
    "Re-linking paragraphs…": "Mise à jour des liens…",
    "Could not correct the link": "Impossible de corriger le lien",
    "Link of %1 corrected": "Lien de %1 corrigé",
    # Paragraph status, language menu, short table labels (session 8)
    "Agreed ad ref: %1": "Accord ad referendum : %1",
    "Delegation holding the reservation": "Délégation qui maintient la réserve",
    "Reservation held by": "Réserve maintenue par",
    "Answer &due by": "Réponse &attendue le",
    "Answer due date": "Date de réponse attendue",
    "Reservation &held by:": "Réserve &maintenue par :",
    "The paragraph is agreed, subject to confirmation by a capital.":
        "Le paragraphe est agréé, sous réserve de confirmation par une capitale.",
    "Open": "Ouvert",
    "Bracketed": "Entre crochets",
    "Agreed ad ref": "Agréé ad referendum",
    "Agreed": "Agréé",
    "held by %1": "réserve de %1",
    "answer due %1": "réponse attendue le %1",
    "since %1": "depuis %1",
    "the text changed since!": "le texte a changé depuis !",
    "&Status": "&Statut",
    "Set the paragraph's status": "Définir le statut du paragraphe",
    "Agreed &ad ref…": "Agréé &ad referendum…",
    "A&greed": "A&gréé",
    "&Open again (not agreed)": "&Rouvrir (non agréé)",
    "Status: %1": "Statut : %1",
    "Symbol and date": "Cote et date",
    "Symbol/date": "Cote/date",
    "&Language": "&Langue",
    "Paragraph &Status": "S&tatut du paragraphe",
    "Mark %1 agreed ad ref": "Marquer %1 agréé ad referendum",
    "Mark %1 agreed": "Marquer %1 agréé",
    "Open %1 again": "Rouvrir %1",
    "System Default": "Langue du système",
    "Support, amend.": "Soutien, amend.",
    "Ad ref": "Ad ref",
    "Review": "À revoir",
    "Divergent": "Divergence",
    "No instr.": "Sans instr.",
    "Brackets!": "Crochets !",
    "%1 of %2": "%1 sur %2",
    "%1 stance": "Position : %1",
    "%1 · %n draft(s)": ("%1 · %n projet", "%1 · %n projets"),
    "%n bracket(s)": ("%n crochet", "%n crochets"),
    "%n negotiation(s) in this store": ("%n négociation dans cette base", "%n négociations dans cette base"),
    "%n numbered": ("%n numéroté", "%n numérotés"),
    "%n paragraph(s)": ("%n paragraphe", "%n paragraphes"),
    "%n paragraph(s) detected": ("%n paragraphe détecté", "%n paragraphes détectés"),
    "&About Negotiator": "À &propos de Negotiator",
    "&Add Note": "&Ajouter la note",
    "&Amendment:": "&Amendement :",
    "&Bracketed": "Entre &crochets",
    "&Compare": "&Comparer",
    "&Compare Drafts": "&Comparer des projets",
    "&Edit": "É&dition",
    "&Fallback:": "&Repli :",
    "&File": "&Fichier",
    "&Find Paragraph": "Rec&hercher un paragraphe",
    "&Forum:": "&Enceinte :",
    "&From:": "&De :",
    "&Help": "&Aide",
    "&Import": "&Importer",
    "&Import Draft…": "&Importer un projet…",
    "&Inline": "&Intégré",
    "&Keyboard Shortcuts": "&Raccourcis clavier",
    "&Label:": "&Libellé :",
    "&Negotiation": "&Négociation",
    "&Negotiation:": "&Négociation :",
    "&Next Change": "Modification &suivante",
    "&Notes": "&Notes",
    "&Open Store…": "&Ouvrir une base…",
    "&Overview Chart": "&Graphique d'ensemble",
    "&Paragraphs": "&Paragraphes",
    "&Paste Draft from Clipboard": "&Coller un projet depuis le presse-papiers",
    "&Positions": "&Positions",
    "&Previous Change": "Modification &précédente",
    "&Quit": "&Quitter",
    "&Red line:": "Ligne &rouge :",
    "&Redo": "&Rétablir",
    "&Stance:": "&Position :",
    "&Symbol:": "&Cote :",
    "&Text": "&Texte",
    "&Title:": "&Titre :",
    "&To:": "&À :",
    "&Undo": "&Annuler",
    "&View": "&Affichage",
    "<b>Negotiator %1</b><p>Drafts, positions and diffs for multilateral text negotiations.</p>":
        "<b>Negotiator %1</b><p>Projets, positions et comparaisons pour les négociations "
        "multilatérales de textes.</p>",
    "(none)": "(aucune)",
    "(unnumbered)": "(non numéroté)",
    "About Negotiator": "À propos de Negotiator",
    "Add note": "Ajouter une note",
    "Agreed in coordination": "Agréée en coordination",
    "Aligned paragraphs": "Paragraphes alignés",
    "Amendment": "Amendement",
    "Brackets": "Crochets",
    "Brackets remaining": "Crochets restants",
    "Brackets, changes and reviews per draft": "Crochets, modifications et réexamens par projet",
    "Brackets: %1 → %2": "Crochets : %1 → %2",
    "C&hanged": "&Modifiés",
    "C&hanges": "&Modifications",
    "Cancel": "Annuler",
    "Cancel the running task": "Annuler la tâche en cours",
    "Change": "Modification",
    "Change %1's position on %2": "Modifier la position de %1 sur %2",
    "Changed paragraphs only": "Paragraphes modifiés seulement",
    "Changes against the previous draft": "Modifications par rapport au projet précédent",
    "Choose a stance to record a position.": "Choisissez une position pour l'enregistrer.",
    "Choose two drafts and press Compare.": "Choisissez deux projets et cliquez sur Comparer.",
    "Compare drafts": "Comparer des projets",
    "Compare from draft": "Comparer depuis le projet",
    "Compare to draft": "Comparer avec le projet",
    "Compare two drafts of this negotiation": "Comparer deux projets de cette négociation",
    "Comparing %1 with %2…": "Comparaison de %1 avec %2…",
    "Comparing drafts…": "Comparaison des projets…",
    "Comparing with the previous draft…": "Comparaison avec le projet précédent…",
    "Could not compare drafts": "Impossible de comparer les projets",
    "Could not draw the chart": "Impossible de tracer le graphique",
    "Could not import %1": "Impossible d'importer %1",
    "Could not import the clipboard": "Impossible d'importer le presse-papiers",
    "Could not load the demo": "Impossible de charger la démonstration",
    "Could not open the store": "Impossible d'ouvrir la base",
    "Could not read positions": "Impossible de lire les positions",
    "Could not save": "Impossible d'enregistrer",
    "Counting brackets and changes…": "Décompte des crochets et des modifications…",
    "Date:": "Date :",
    "Dated": "Daté",
    "Deleted": "Supprimé",
    "Delivered": "Exprimée",
    "Demo": "Démonstration",
    "Detected paragraphs": "Paragraphes détectés",
    "Di&vergent": "Di&vergents",
    "Divergent from EU": "Divergence avec l'UE",
    "Draft": "Brouillon",
    "Draft label": "Libellé du projet",
    "Drafts (*.docx *.txt *.md);;All files (*)": "Projets (*.docx *.txt *.md);;Tous les fichiers (*)",
    "EU line (coordinated)": "Ligne de l'UE (coordonnée)",
    "EU stance": "Position UE",
    "Every change is saved at once; Ctrl+Z undoes it.":
        "Chaque modification est enregistrée aussitôt ; Ctrl+Z l'annule.",
    "Exact words we propose, or an edit such as \"Replace 'should' with 'shall'\"":
        "Libellé exact proposé, ou une modification telle que « Remplacer 'should' par 'shall' »",
    "Fallback": "Repli",
    "Flags": "Signaux",
    "From": "De",
    "Give the draft a label, such as 'Rev.1'.": "Donnez un libellé au projet, par exemple « Rev.1 ».",
    "Give the new negotiation a title.": "Donnez un titre à la nouvelle négociation.",
    "Heading": "Titre",
    "High": "Haute",
    "Histor&y": "&Historique",
    "Import Draft": "Importer un projet",
    "Import a draft from a Word or text file": "Importer un projet depuis un fichier Word ou texte",
    "Import draft – %1": "Importer un projet – %1",
    "Import the text on the clipboard as a draft": "Importer le texte du presse-papiers comme projet",
    "Imported %1: %n paragraph(s)": ("%1 importé : %n paragraphe", "%1 importé : %n paragraphes"),
    "Keep Theirs": "Garder la leur",
    "Keep their version, or replace it with yours?": "Garder leur version, ou la remplacer par la vôtre ?",
    "Keyboard Shortcuts": "Raccourcis clavier",
    "Kind": "Type",
    "Loading the demo negotiation…": "Chargement de la négociation de démonstration…",
    "Low": "Basse",
    "Main": "Principale",
    "Medium": "Moyenne",
    "Merged": "Fusionné",
    "Modified": "Modifié",
    "Moved": "Déplacé",
    "Needs re&view": "À &réexaminer",
    "Needs review": "À réexaminer",
    "Needs review: the paragraph it was taken on (%1) was merged with others.":
        "À réexaminer : le paragraphe visé (%1) a été fusionné avec d'autres.",
    "Needs review: the paragraph it was taken on (%1) was split.":
        "À réexaminer : le paragraphe visé (%1) a été scindé.",
    "Needs review: the wording changed since this position was taken on %1.":
        "À réexaminer : le libellé a changé depuis que cette position a été prise sur %1.",
    "Negotiation": "Négociation",
    "Negotiations": "Négociations",
    "Negotiations and drafts": "Négociations et projets",
    "Negotiator stores (*.sqlite *.db);;All files (*)": "Bases Negotiator (*.sqlite *.db);;Tous les fichiers (*)",
    "Negotiator – %1": "Negotiator – %1",
    "New": "Nouveau",
    "New negotiation…": "Nouvelle négociation…",
    "New note": "Nouvelle note",
    "Newly agreed (brackets gone)": "Nouvellement agréé (crochets levés)",
    "Newly agreed: %1": "Nouvellement agréés : %1",
    "No changes recorded yet.": "Aucune modification enregistrée.",
    "No instructions": "Sans instructions",
    "No other delegation has a recorded position here.": "Aucune autre délégation n'a de position enregistrée ici.",
    "No position": "Pas de position",
    "No positions recorded yet, so none need review.":
        "Aucune position enregistrée pour l'instant, donc aucune à réexaminer.",
    "No.": "N°",
    "Notes": "Notes",
    "Open &Recent": "Bases &récentes",
    "Open Store": "Ouvrir une base",
    "Open another negotiation store (a .sqlite file)": "Ouvrir une autre base de négociation (fichier .sqlite)",
    "Open the &Demo Negotiation": "Ouvrir la négociation de &démonstration",
    "Operative": "Dispositif",
    "Oppose": "Opposition",
    "Other": "Autre",
    "Other delegations": "Autres délégations",
    "Our &delegation:": "Notre &délégation :",
    "Our delegation": "Notre délégation",
    "Our delegation (not set for this negotiation)": "Notre délégation (non définie pour cette négociation)",
    "Our delegation: %1": "Notre délégation : %1",
    "Our position": "Notre position",
    "Our stance": "Notre position",
    "Overview": "Vue d'ensemble",
    "Paragraph &Details": "&Détails du paragraphe",
    "Paragraph text": "Texte du paragraphe",
    "Paragraphs": "Paragraphes",
    "Paragraphs changed since previous draft": "Paragraphes modifiés depuis le projet précédent",
    "Paragraphs of the draft": "Paragraphes du projet",
    "Paste Draft": "Coller un projet",
    "Position changed elsewhere": "Position modifiée ailleurs",
    "Position history": "Historique des positions",
    "Positions needing review": "Positions à réexaminer",
    "Preambular": "Préambule",
    "Priority": "Priorité",
    "Priority:": "Priorité :",
    "Progress chart": "Graphique d'avancement",
    "Ra&tionale:": "&Justification :",
    "Rationale": "Justification",
    "Reading %1…": "Lecture de %1…",
    "Reading positions…": "Lecture des positions…",
    "Reading the clipboard…": "Lecture du presse-papiers…",
    "Red line": "Ligne rouge",
    "Red line touched": "Ligne rouge touchée",
    "Renumbered": "Renuméroté",
    "Reserve": "Réserve",
    "Saved": "Enregistré",
    "Search number or text (Ctrl+F)": "Rechercher un numéro ou un texte (Ctrl+F)",
    "Search paragraphs": "Rechercher dans les paragraphes",
    "Select a negotiation": "Choisissez une négociation",
    "Select a paragraph to see and edit positions.": "Choisissez un paragraphe pour voir et modifier les positions.",
    "Select a paragraph to see its text, changes and positions.":
        "Choisissez un paragraphe pour voir son texte, ses modifications et les positions.",
    "Show:": "Afficher :",
    "Side by si&de": "Côte à cô&te",
    "Significant wording changes:": "Modifications de libellé importantes :",
    "Significant wording changes: %1": "Modifications de libellé importantes : %1",
    "Something went wrong inside Negotiator: %1. Nothing was changed.":
        "Une erreur interne de Negotiator s'est produite : %1. Rien n'a été modifié.",
    "Split": "Scindé",
    "Square brackets: text not yet agreed": "Crochets : texte non encore agréé",
    "Status": "Statut",
    "Status:": "Statut :",
    "Storing %1…": "Enregistrement de %1…",
    "Sub-paragraph": "Alinéa",
    "Support": "Soutien",
    "Support with amendments": "Soutien avec amendements",
    "Talking points": "Éléments de langage",
    "Text": "Texte",
    "Text (%1 → %2)": "Texte (%1 → %2)",
    "The clipboard holds no text to import.": "Le presse-papiers ne contient aucun texte à importer.",
    "The demo negotiation is not installed.": "La négociation de démonstration n'est pas installée.",
    "The paragraph it was taken on (%1) was deleted.": "Le paragraphe visé (%1) a été supprimé.",
    "The square brackets in this paragraph do not pair up": "Les crochets de ce paragraphe ne s'apparient pas",
    "This store is empty. Open the demo negotiation (a fictional OSCE decision in three drafts) to "
    "look around? You can import your own drafts with File > Import Draft (Ctrl+I) at any time.":
        "Cette base est vide. Ouvrir la négociation de démonstration (une décision fictive de l'OSCE "
        "en trois projets) pour découvrir l'application ? Vous pouvez importer vos propres projets à "
        "tout moment avec Fichier > Importer un projet (Ctrl+I).",
    "To": "À",
    "Unbalanced brackets": "Crochets déséquilibrés",
    "Unchanged": "Inchangé",
    "Undo %1": "Annuler : %1",
    "Use Mine": "Utiliser la mienne",
    "Version %1, last changed by %2 on %3": "Version %1, modifiée en dernier par %2 le %3",
    "Warnings": "Avertissements",
    "Welcome to Negotiator": "Bienvenue dans Negotiator",
    "What we cannot accept": "Ce que nous ne pouvons pas accepter",
    "What we could accept instead": "Ce que nous pourrions accepter à la place",
    "With our positions or red lines only": "Avec nos positions ou lignes rouges seulement",
    "Withdraw %1's position on %2": "Retirer la position de %1 sur %2",
    "Write a note and press Enter": "Écrivez une note et appuyez sur Entrée",
    "[ ]": "[ ]",
    "demo (not saved)": "démonstration (non enregistrée)",
    "deleted": "supprimé",
    "inserted": "inséré",
    "e.g. A/C.1/79/L.12/Rev.1": "p. ex. A/C.1/79/L.12/Rev.1",
    "e.g. Belgium": "p. ex. Belgique",
    "e.g. OSCE PC decision on ICT CBMs": "p. ex. Décision du CP de l'OSCE sur les MDC relatives aux TIC",
    "e.g. OSCE Permanent Council": "p. ex. Conseil permanent de l'OSCE",
    "unbalanced brackets": "crochets déséquilibrés",
    "—": "—",
    "— no position recorded —": "— aucune position enregistrée —",
}

# The Export dialog and position packages keep their strings in files of their own
# (fewer merge conflicts).
from translations_fr_export import EXPORT_FR  # noqa: E402
from translations_fr_packages import PACKAGES_FR  # noqa: E402
from translations_fr_server import SERVER_FR  # noqa: E402

FR.update(EXPORT_FR)
FR.update(PACKAGES_FR)
FR.update(SERVER_FR)


def fill(ts: Path = TS) -> list[str]:
    """Write the translations into the .ts file; returns the source texts left untranslated."""
    tree = ET.parse(ts)
    missing: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        value = FR.get(source)
        if value is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            forms = value if isinstance(value, tuple) else (value, value)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    missing = fill()
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(TS), "-qm", str(QM)], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
