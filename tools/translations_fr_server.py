"""French strings of the shared store (ui/connect_dialog.py, ui/server_watch.py),
kept apart from the main table; tools/translations_fr.py merges them into FR."""

from __future__ import annotations

SERVER_FR: dict[str, str | tuple[str, str]] = {
    "Connect to &Server…": "Se connecter à un ser&veur…",
    "Open your delegation's shared store on a PostgreSQL server":
        "Ouvrir la base partagée de votre délégation sur un serveur PostgreSQL",
    "Connect to Server": "Se connecter à un serveur",
    "&Server:": "&Serveur :",
    "&User:": "&Utilisateur :",
    "&Password:": "&Mot de passe :",
    "&Remember the password in the system keyring":
        "Garder le mot de passe dans le &trousseau du système",
    "&Connect": "Se &connecter",
    "A shared store on your delegation's PostgreSQL server. Your colleagues' edits appear as they "
    "are saved; another delegation's national positions stay theirs.":
        "Une base partagée sur le serveur PostgreSQL de votre délégation. Les modifications de vos "
        "collègues apparaissent dès qu'elles sont enregistrées ; les positions nationales d'une autre "
        "délégation restent les siennes.",
    "Give the server's address and your user name.":
        "Indiquez l'adresse du serveur et votre nom d'utilisateur.",
    "Connecting…": "Connexion…",
    "Connecting to the server…": "Connexion au serveur…",
    "Acting for %1 as %2": "Pour %1, en tant que %2",
    "Administrator %1": "Administrateur %1",
    "Colleagues' changes arrived": "Des modifications de collègues sont arrivées",
}
