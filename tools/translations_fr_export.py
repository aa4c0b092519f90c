"""French strings of the Export dialog (ui/export_dialog.py and its menu entry),
kept apart from the main table so the two can change without merge conflicts;
tools/translations_fr.py merges them into FR."""

from __future__ import annotations

EXPORT_FR: dict[str, str | tuple[str, str]] = {
    "%1 was written.": "%1 a été enregistré.",
    "&Amendments": "&Amendements",
    "&Brief": "&Note de synthèse",
    "Bro&wse…": "Parcou&rir…",
    "&Changes shown as:": "&Modifications :",
    "De&legation:": "&Délégation :",
    "&Draft:": "&Projet :",
    "&Export": "&Exporter",
    "&Export…": "&Exporter…",
    "&From draft:": "Projet de &départ :",
    "&Include:": "&Inclure :",
    "&Prepared by:": "É&tabli par :",
    "&Save as:": "Enre&gistrer sous :",
    "&Stop": "&Arrêter",
    "&To draft:": "Projet d'arri&vée :",
    "A brief compares two different drafts: choose another 'from' or 'to' draft.":
        "Une note compare deux projets différents : choisissez un autre projet de départ ou d'arrivée.",
    "All paragraphs": "Tous les paragraphes",
    "Amendments": "Amendements",
    "Brief": "Note",
    "Send each amendment as a co&mment, the text unchanged":
        "Envoyer chaque amendement en co&mmentaire, le texte inchangé",
    "C&lassification:": "C&lassification :",
    "Changes shown as": "Modifications",
    "Choose a draft and the delegation whose amendments to export.":
        "Choisissez un projet et la délégation dont exporter les amendements.",
    "Choose the file to write.": "Choisissez le fichier à écrire.",
    "Classification": "Classification",
    "Could not export": "Échec de l'exportation",
    "Delegation": "Délégation",
    "Export finished": "Exportation terminée",
    "Export stopped; no file was written.": "Exportation arrêtée ; aucun fichier n'a été écrit.",
    "Export to": "Exporter vers",
    "Export – %1": "Exporter – %1",
    "Exporting %1…": "Exportation de %1…",
    "Formatted for print (struck and underlined)": "Mise en forme pour l'impression (barré et souligné)",
    "From draft": "Projet de départ",
    "Output file": "Fichier de sortie",
    "Paragraphs needing instructions": "Paragraphes appelant des instructions",
    "Paragraphs with our positions": "Paragraphes où nous avons une position",
    "Positions &of:": "P&ositions de :",
    "Positions of": "Positions de",
    "Prepared by": "Établi par",
    "The draft's text and numbering, with the amendments this delegation proposes as tracked changes "
    "in its name: the file to send to the chair. Talking points, red lines and fallbacks are never "
    "included.":
        "Le texte et la numérotation du projet, avec les amendements que propose cette délégation en "
        "modifications suivies à son nom : le fichier à envoyer à la présidence. Les éléments de langage, "
        "lignes rouges et positions de repli n'y figurent jamais.",
    "Tick at least one delegation whose positions the brief shows.":
        "Cochez au moins une délégation dont la note montre les positions.",
    "To draft": "Projet d'arrivée",
    "Tracked changes (Word's Review pane)": "Modifications suivies (volet Révision de Word)",
    "Word documents (*.docx)": "Documents Word (*.docx)",
    "Write a Word brief or amendments file for this negotiation":
        "Écrire une note de synthèse ou un fichier d'amendements Word pour cette négociation",
    "Writing… %p%": "Écriture… %p%",
    "none": "aucune",
}
