"""French strings of position packages (ui/packages.py: the File menu entries,
the merge summary and the Conflicts window), kept apart from the main table
so the two can change without merge conflicts; tools/translations_fr.py
merges them into FR."""

from __future__ import annotations

PACKAGES_FR: dict[str, str | tuple[str, str]] = {
    # Menu entries and file dialogs
    "Export Positions Pac&kage…": "Exporter un &paquet de positions…",
    "&Merge Positions Package…": "&Fusionner un paquet de positions…",
    "&Resolve Conflicts…": "&Résoudre les conflits…",
    "Save this negotiation's positions, notes and drafts to a file for another laptop":
        "Enregistrer les positions, notes et projets de cette négociation dans un fichier pour un autre "
        "ordinateur",
    "Bring in the positions from a colleague's package":
        "Reprendre les positions du paquet d'un collègue",
    "Positions changed on two laptops: choose which version stands":
        "Positions modifiées sur deux ordinateurs : choisir la version qui fait foi",
    "Export Positions Package": "Exporter un paquet de positions",
    "Merge Positions Package into “%1”": "Fusionner un paquet de positions dans « %1 »",
    "Positions packages (*.json);;All files (*)": "Paquets de positions (*.json);;Tous les fichiers (*)",
    # Export
    "Writing %1…": "Écriture de %1…",
    "Could not export %1": "Impossible d'exporter %1",
    "Positions Package Saved": "Paquet de positions enregistré",
    "Saved %1": "%1 enregistré",
    "%1 was saved. It holds what this store records on “%2”:":
        "%1 a été enregistré. Il contient ce que cette base consigne sur « %2 » :",
    "%n position(s) with their history": ("%n position avec son historique", "%n positions avec leur historique"),
    "%n note(s)": ("%n note", "%n notes"),
    "%n paragraph status(es)": ("%n statut de paragraphe", "%n statuts de paragraphe"),
    "%n draft(s)": ("%n projet", "%n projets"),
    "Send it to your colleague, who brings it in with File > Merge Positions Package…":
        "Envoyez-le à votre collègue, qui le reprend avec Fichier > Fusionner un paquet de positions…",
    # Merge
    "Merging %1…": "Fusion de %1…",
    "Could not merge %1": "Impossible de fusionner %1",
    "Positions Package Merged": "Paquet de positions fusionné",
    "%1 brought nothing new: this store already holds everything in it.":
        "%1 n'apporte rien de nouveau : cette base contient déjà tout ce qu'il renferme.",
    "Merged %1 into “%2”:": "%1 fusionné dans « %2 » :",
    "%n draft(s) this store did not hold": ("%n projet absent de cette base", "%n projets absents de cette base"),
    "%n new position(s)": ("%n nouvelle position", "%n nouvelles positions"),
    "%n position(s) changed": ("%n position modifiée", "%n positions modifiées"),
    "%n change(s) added to the history of positions":
        ("%n modification ajoutée à l'historique des positions",
         "%n modifications ajoutées à l'historique des positions"),
    "%n new note(s)": ("%n nouvelle note", "%n nouvelles notes"),
    "%n note(s) deleted": ("%n note supprimée", "%n notes supprimées"),
    "%n paragraph status(es) set (agreed, agreed ad ref)":
        ("%n statut de paragraphe fixé (adopté, adopté ad ref)",
         "%n statuts de paragraphe fixés (adopté, adopté ad ref)"),
    "%n conflict(s) to resolve: the same position was changed on both laptops. Both versions are kept "
    "until you choose one, in the next window.":
        ("%n conflit à résoudre : la même position a été modifiée sur les deux ordinateurs. Les deux "
         "versions sont conservées jusqu'à ce que vous en choisissiez une, dans la fenêtre suivante.",
         "%n conflits à résoudre : les mêmes positions ont été modifiées sur les deux ordinateurs. Les deux "
         "versions sont conservées jusqu'à ce que vous en choisissiez une, dans la fenêtre suivante."),
    # Conflicts window
    "Conflicts": "Conflits",
    "Conflicts – %1": "Conflits – %1",
    "These positions were changed on two laptops since they last exchanged packages. For each, keep one "
    "version; the other stays in the position's history. Your choice travels in your next package and "
    "settles the conflict on the other laptop too.":
        "Ces positions ont été modifiées sur deux ordinateurs depuis leur dernier échange de paquets. Pour "
        "chacune, gardez une version ; l'autre reste dans l'historique de la position. Votre choix part "
        "avec votre prochain paquet et règle aussi le conflit sur l'autre ordinateur.",
    "Open conflicts": "Conflits ouverts",
    "Paragraph": "Paragraphe",
    "What happened": "Ce qui s'est passé",
    "Version A": "Version A",
    "Version B": "Version B",
    "Versions": "Versions",
    "No open conflicts: every position has a single version.":
        "Aucun conflit ouvert : chaque position n'a qu'une version.",
    "Reading conflicts…": "Lecture des conflits…",
    "Could not read the conflicts": "Impossible de lire les conflits",
    "%1 (%2)": "%1 (%2)",
    "Found %1": "Constaté le %1",
    "Paragraph %1 of %2": "Paragraphe %1 de %2",
    "A paragraph of %2": "Un paragraphe de %2",
    "%1 · %2's position": "%1 · position de %2",
    "Changed on both laptops": "Modifiée sur les deux ordinateurs",
    "Taken separately on each laptop": "Prise séparément sur chaque ordinateur",
    "Withdrawn": "Retirée",
    "Stance:": "Position :",
    "Amendment:": "Amendement :",
    "Rationale:": "Justification :",
    "Red line:": "Ligne rouge :",
    "Fallback:": "Repli :",
    "Changed by:": "Modifiée par :",
    "When:": "Date :",
    "Taken on:": "Prise sur :",
    "Version %1": "Version %1",
    "Version %1, %2": "Version %1, %2",
    "&Keep Version %1": "&Garder la version %1",
    "Keep version %1 (%2)": "Garder la version %1 (%2)",
    "Keeping version %1…": "Conservation de la version %1…",
    "Could not resolve the conflict": "Impossible de résoudre le conflit",
    # Signed packages: an unknown signer, drafts brought by a colleague
    "%1 is signed by %2, a colleague this store does not trust yet. The key's fingerprint is:\n\n%3\n\n"
    "Call %2 (by phone, not by e-mail) and ask them to read out their fingerprint (negotiator keys). "
    "Trust this colleague only if it is the same; nothing is merged otherwise.":
        "%1 est signé par %2, un collègue auquel cette base ne fait pas encore confiance. L'empreinte de "
        "la clé est :\n\n%3\n\nAppelez %2 (par téléphone, pas par courriel) et demandez-lui de lire "
        "son empreinte (negotiator keys). Ne faites confiance à ce collègue que si elle est identique ; "
        "sinon rien n'est fusionné.",
    "Trust this colleague?": "Faire confiance à ce collègue ?",
    "&Trust This Colleague and Merge": "Faire &confiance à ce collègue et fusionner",
    "Con&firm Draft from Package…": "Con&firmer un projet reçu dans un paquet…",
    "Confirm that a draft a colleague's package brought matches the chair's document":
        "Confirmer qu'un projet reçu dans le paquet d'un collègue correspond au document de la présidence",
    "Confirm Draft": "Confirmer le projet",
    "“%1” came in %2's package. Confirm it only after checking it against the chair's document.":
        "« %1 » est arrivé dans le paquet de %2. Ne le confirmez qu'après l'avoir comparé au document "
        "de la présidence.",
    "&Confirm Draft": "&Confirmer le projet",
    "Confirming the draft…": "Confirmation du projet…",
    "Could not confirm the draft": "Impossible de confirmer le projet",
    "from %1's package, not confirmed": "du paquet de %1, non confirmé",
}
