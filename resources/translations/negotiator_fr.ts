<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdRefDialog</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="+69"/>
        <source>Agreed ad ref: %1</source>
        <translation>Accord ad referendum : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delegation holding the reservation</source>
        <translation>Délégation qui maintient la réserve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservation held by</source>
        <translation>Réserve maintenue par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer &amp;due by</source>
        <translation>Réponse &amp;attendue le</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer due date</source>
        <translation>Date de réponse attendue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reservation &amp;held by:</source>
        <translation>Réserve &amp;maintenue par :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The paragraph is agreed, subject to confirmation by a capital.</source>
        <translation>Le paragraphe est agréé, sous réserve de confirmation par une capitale.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../ui/chart.py" line="+49"/>
        <source>Progress chart</source>
        <translation>Graphique d&apos;avancement</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select a negotiation</source>
        <translation>Choisissez une négociation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Brackets remaining</source>
        <translation>Crochets restants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs changed since previous draft</source>
        <translation>Paragraphes modifiés depuis le projet précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions needing review</source>
        <translation>Positions à réexaminer</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No positions recorded yet, so none need review.</source>
        <translation>Aucune position enregistrée pour l&apos;instant, donc aucune à réexaminer.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="+114"/>
        <source>Conflicts – %1</source>
        <translation>Conflits – %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These positions were changed on two laptops since they last exchanged packages. For each, keep one version; the other stays in the position&apos;s history. Your choice travels in your next package and settles the conflict on the other laptop too.</source>
        <translation>Ces positions ont été modifiées sur deux ordinateurs depuis leur dernier échange de paquets. Pour chacune, gardez une version ; l&apos;autre reste dans l&apos;historique de la position. Votre choix part avec votre prochain paquet et règle aussi le conflit sur l&apos;autre ordinateur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open conflicts</source>
        <translation>Conflits ouverts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paragraph</source>
        <translation>Paragraphe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delegation</source>
        <translation>Délégation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version A</source>
        <translation>Version A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version B</source>
        <translation>Version B</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No open conflicts: every position has a single version.</source>
        <translation>Aucun conflit ouvert : chaque position n&apos;a qu&apos;une version.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Paragraph text</source>
        <translation>Texte du paragraphe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading conflicts…</source>
        <translation>Lecture des conflits…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found %1</source>
        <translation>Constaté le %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the conflicts</source>
        <translation>Impossible de lire les conflits</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Paragraph %1 of %2</source>
        <translation>Paragraphe %1 de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A paragraph of %2</source>
        <translation>Un paragraphe de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2&apos;s position</source>
        <translation>%1 · position de %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Taken on:</source>
        <translation>Prise sur :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Version %1, %2</source>
        <translation>Version %1, %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Keep Version %1</source>
        <translation>&amp;Garder la version %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep version %1 (%2)</source>
        <translation>Garder la version %1 (%2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Keeping version %1…</source>
        <translation>Conservation de la version %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not resolve the conflict</source>
        <translation>Impossible de résoudre le conflit</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="+87"/>
        <source>Connect to Server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>Garder le mot de passe dans le &amp;trousseau du système</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shared store on your delegation&apos;s PostgreSQL server. Your colleagues&apos; edits appear as they are saved; another delegation&apos;s national positions stay theirs.</source>
        <translation>Une base partagée sur le serveur PostgreSQL de votre délégation. Les modifications de vos collègues apparaissent dès qu&apos;elles sont enregistrées ; les positions nationales d&apos;une autre délégation restent les siennes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Give the server&apos;s address and your user name.</source>
        <translation>Indiquez l&apos;adresse du serveur et votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to the server…</source>
        <translation>Connexion au serveur…</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="-56"/>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bracketed</source>
        <translation>Entre crochets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed ad ref</source>
        <translation>Agréé ad referendum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed</source>
        <translation>Agréé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>held by %1</source>
        <translation>réserve de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>answer due %1</source>
        <translation>réponse attendue le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>since %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the text changed since!</source>
        <translation>le texte a changé depuis !</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the paragraph&apos;s status</source>
        <translation>Définir le statut du paragraphe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed &amp;ad ref…</source>
        <translation>Agréé &amp;ad referendum…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;greed</source>
        <translation>A&amp;gréé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open again (not agreed)</source>
        <translation>&amp;Rouvrir (non agréé)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Paragraph text</source>
        <translation>Texte du paragraphe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes against the previous draft</source>
        <translation>Modifications par rapport au projet précédent</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change since the previous draft</source>
        <translation>Modification depuis le projet précédent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Positions</source>
        <translation>&amp;Positions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histor&amp;y</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a paragraph to see its text, changes and positions.</source>
        <translation>Choisissez un paragraphe pour voir son texte, ses modifications et les positions.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n bracket(s)</source>
        <translation>
            <numerusform>%n crochet</numerusform>
            <numerusform>%n crochets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unbalanced brackets</source>
        <translation>crochets déséquilibrés</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is the first draft: nothing to compare with.</source>
        <translation>C&apos;est le premier projet : rien à comparer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparing with the previous draft…</source>
        <translation>Comparaison avec le projet précédent…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Significant wording changes:</source>
        <translation>Modifications de libellé importantes :</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+39"/>
        <source>Something went wrong inside Negotiator: %1. Nothing was changed.</source>
        <translation>Une erreur interne de Negotiator s&apos;est produite : %1. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../ui/models/diff.py" line="+78"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text (%1 → %2)</source>
        <translation>Texte (%1 → %2)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inserted</source>
        <translation>inséré</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Significant wording changes:</source>
        <translation>Modifications de libellé importantes :</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Symbol and date</source>
        <translation>Cote et date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Newly agreed (brackets gone)</source>
        <translation>Nouvellement agréé (crochets levés)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Red line</source>
        <translation>Ligne rouge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our position</source>
        <translation>Notre position</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../../ui/diff_view.py" line="+49"/>
        <source>Compare from draft</source>
        <translation>Comparer depuis le projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare to draft</source>
        <translation>Comparer avec le projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inline</source>
        <translation>&amp;Intégré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by si&amp;de</source>
        <translation>Côte à cô&amp;te</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed paragraphs only</source>
        <translation>Paragraphes modifiés seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With our positions or red lines only</source>
        <translation>Avec nos positions ou lignes rouges seulement</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Aligned paragraphs</source>
        <translation>Paragraphes alignés</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To:</source>
        <translation>&amp;À :</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Next Change</source>
        <translation>Modification &amp;suivante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous Change</source>
        <translation>Modification &amp;précédente</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Comparing %1 with %2…</source>
        <translation>Comparaison de %1 avec %2…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose two drafts and press Compare.</source>
        <translation>Choisissez deux projets et cliquez sur Comparer.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Brackets: %1 → %2</source>
        <translation>Crochets : %1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newly agreed: %1</source>
        <translation>Nouvellement agréés : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Significant wording changes: %1</source>
        <translation>Modifications de libellé importantes : %1</translation>
    </message>
</context>
<context>
    <name>EditingFlow</name>
    <message>
        <location filename="../../ui/editing_flow.py" line="+35"/>
        <location line="+4"/>
        <source>Correct Paragraph Link</source>
        <translation>Corriger le lien du paragraphe</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Select a paragraph first.</source>
        <translation>Sélectionnez d&apos;abord un paragraphe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is the first draft: its paragraphs continue nothing.</source>
        <translation>C&apos;est le premier projet : ses paragraphes ne prolongent rien.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Re-linking paragraphs…</source>
        <translation>Mise à jour des liens…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not correct the link</source>
        <translation>Impossible de corriger le lien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link of %1 corrected</source>
        <translation>Lien de %1 corrigé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Withdraw %1&apos;s position on %2</source>
        <translation>Retirer la position de %1 sur %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change %1&apos;s position on %2</source>
        <translation>Modifier la position de %1 sur %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mark %1 agreed ad ref</source>
        <translation>Marquer %1 agréé ad referendum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark %1 agreed</source>
        <translation>Marquer %1 agréé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open %1 again</source>
        <translation>Rouvrir %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save</source>
        <translation>Impossible d&apos;enregistrer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Position changed elsewhere</source>
        <translation>Position modifiée ailleurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep their version, or replace it with yours?</source>
        <translation>Garder leur version, ou la remplacer par la vôtre ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep Theirs</source>
        <translation>Garder la leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Mine</source>
        <translation>Utiliser la mienne</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="+110"/>
        <source>Export – %1</source>
        <translation>Exporter – %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From draft</source>
        <translation>Projet de départ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To draft</source>
        <translation>Projet d&apos;arrivée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paragraphs</source>
        <translation>Paragraphes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All paragraphs</source>
        <translation>Tous les paragraphes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed paragraphs only</source>
        <translation>Paragraphes modifiés seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs with our positions</source>
        <translation>Paragraphes où nous avons une position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs needing instructions</source>
        <translation>Paragraphes appelant des instructions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Positions of</source>
        <translation>Positions de</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prepared by</source>
        <translation>Établi par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes shown as</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracked changes (Word&apos;s Review pane)</source>
        <translation>Modifications suivies (volet Révision de Word)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formatted for print (struck and underlined)</source>
        <translation>Mise en forme pour l&apos;impression (barré et souligné)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meeting or file</source>
        <translation>Réunion ou dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Informal Working Group, 12 March 2026</source>
        <translation>p. ex. Groupe de travail informel, 12 mars 2026</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;From draft:</source>
        <translation>Projet de &amp;départ :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To draft:</source>
        <translation>Projet d&apos;arri&amp;vée :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lassification:</source>
        <translation>C&amp;lassification :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Include:</source>
        <translation>&amp;Inclure :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions &amp;of:</source>
        <translation>P&amp;ositions de :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prepared by:</source>
        <translation>É&amp;tabli par :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Changes shown as:</source>
        <translation>&amp;Modifications :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Meeting or file:</source>
        <translation>Réunion ou do&amp;ssier :</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>La&amp;nguage:</source>
        <translation>Lang&amp;ue :</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Draft</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delegation</source>
        <translation>Délégation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Draft:</source>
        <translation>&amp;Projet :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;legation:</source>
        <translation>&amp;Délégation :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send each amendment as a co&amp;mment, the text unchanged</source>
        <translation>Envoyer chaque amendement en co&amp;mmentaire, le texte inchangé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bro&amp;wse…</source>
        <translation>Parcou&amp;rir…</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>The draft&apos;s text and numbering, with the amendments this delegation proposes as tracked changes in its name: the file to send to the chair. Talking points, red lines and fallbacks are never included.</source>
        <translation>Le texte et la numérotation du projet, avec les amendements que propose cette délégation en modifications suivies à son nom : le fichier à envoyer à la présidence. Les éléments de langage, lignes rouges et positions de repli n&apos;y figurent jamais.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Language of the document</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Brief</source>
        <translation>&amp;Note de synthèse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amendments</source>
        <translation>&amp;Amendements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save as:</source>
        <translation>Enre&amp;gistrer sous :</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brief</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amendments</source>
        <translation>Amendements</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a draft and the delegation whose amendments to export.</source>
        <translation>Choisissez un projet et la délégation dont exporter les amendements.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A brief compares two different drafts: choose another &apos;from&apos; or &apos;to&apos; draft.</source>
        <translation>Une note compare deux projets différents : choisissez un autre projet de départ ou d&apos;arrivée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick at least one delegation whose positions the brief shows.</source>
        <translation>Cochez au moins une délégation dont la note montre les positions.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exporting %1…</source>
        <translation>Exportation de %1…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Writing… %p%</source>
        <translation>Écriture… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export stopped; no file was written.</source>
        <translation>Exportation arrêtée ; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not export</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export finished</source>
        <translation>Exportation terminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was written.</source>
        <translation>%1 a été enregistré.</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../ui/flags.py" line="+44"/>
        <source>Red line touched</source>
        <translation>Ligne rouge touchée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wording changes a text our delegation marked as a red line.</source>
        <translation>Le libellé modifie un texte que notre délégation a marqué comme ligne rouge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divergent from EU</source>
        <translation>Divergence avec l&apos;UE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our stance differs from the coordinated EU line.</source>
        <translation>Notre position diffère de la ligne coordonnée de l’UE.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs review</source>
        <translation>À réexaminer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wording changed since a position was taken on it.</source>
        <translation>Le libellé a changé depuis qu’une position a été prise.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unbalanced brackets</source>
        <translation>Crochets déséquilibrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The square brackets in the paragraph do not pair up.</source>
        <translation>Les crochets du paragraphe ne se correspondent pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed ad ref</source>
        <translation>Agréé ad referendum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed, subject to confirmation by a capital.</source>
        <translation>Agréé, sous réserve de confirmation par une capitale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed</source>
        <translation>Agréé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed: the paragraph is closed.</source>
        <translation>Agréé : le paragraphe est clos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No instructions</source>
        <translation>Sans instructions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our delegation has recorded no position on this paragraph.</source>
        <translation>Notre délégation n’a enregistré aucune position sur ce paragraphe.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>[ ]</source>
        <translation>[ ]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Square brackets in the paragraph: text not yet agreed (&quot;!&quot; when they do not pair up).</source>
        <translation>Crochets dans le paragraphe : texte pas encore agréé (« ! » quand ils ne se correspondent pas).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amend</source>
        <translation>Amender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stance: support with amendments.</source>
        <translation>Position : soutien avec amendements.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change in bold: a significant wording change (shall → should, a number, a negation); point at it to see which.</source>
        <translation>Modification en gras : un changement de libellé important (shall → should, un nombre, une négation) ; pointez-la pour voir lequel.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/positions_editor.py" line="+64"/>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amendment</source>
        <translation>Amendement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talking points</source>
        <translation>Éléments de langage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red line</source>
        <translation>Ligne rouge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fallback</source>
        <translation>Repli</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Position taken: %1</source>
        <translation>Position prise : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 set</source>
        <translation>%1 : ajout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed</source>
        <translation>%1 : suppression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed</source>
        <translation>%1 : modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-taken on a new wording of the paragraph</source>
        <translation>Reprise sur une nouvelle formulation du paragraphe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position withdrawn</source>
        <translation>Position retirée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position restored</source>
        <translation>Position rétablie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict resolved: this version kept</source>
        <translation>Conflit résolu : cette version est conservée</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location line="+314"/>
        <source>Position history</source>
        <translation>Historique des positions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No changes recorded yet.</source>
        <translation>Aucune modification enregistrée.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../ui/import_flow.py" line="+45"/>
        <source>Import Draft</source>
        <translation>Importer un projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafts (*.docx *.pdf *.txt *.md);;All files (*)</source>
        <translation>Projets (*.docx *.pdf *.txt *.md);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+49"/>
        <source>Could not import %1</source>
        <translation>Impossible d&apos;importer %1</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Paste Draft</source>
        <translation>Coller un projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The clipboard holds no text to import.</source>
        <translation>Le presse-papiers ne contient aucun texte à importer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the clipboard…</source>
        <translation>Lecture du presse-papiers…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not import the clipboard</source>
        <translation>Impossible d&apos;importer le presse-papiers</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Storing %1…</source>
        <translation>Enregistrement de %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Imported %1: %n paragraph(s)</source>
        <translation>
            <numerusform>%1 importé : %n paragraphe</numerusform>
            <numerusform>%1 importé : %n paragraphes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="+171"/>
        <source>Import draft – %1</source>
        <translation>Importer un projet – %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n paragraph(s) detected</source>
        <translation>
            <numerusform>%n paragraphe détecté</numerusform>
            <numerusform>%n paragraphes détectés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n numbered</source>
        <translation>
            <numerusform>%n numéroté</numerusform>
            <numerusform>%n numérotés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bracket(s)</source>
        <translation>
            <numerusform>%n crochet</numerusform>
            <numerusform>%n crochets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Detected paragraphs</source>
        <translation>Paragraphes détectés</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Negotiation</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New negotiation…</source>
        <translation>Nouvelle négociation…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. OSCE PC decision on ICT CBMs</source>
        <translation>p. ex. Décision du CP de l&apos;OSCE sur les MDC relatives aux TIC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. OSCE Permanent Council</source>
        <translation>p. ex. Conseil permanent de l&apos;OSCE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Belgium</source>
        <translation>p. ex. Belgique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft label</source>
        <translation>Libellé du projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. A/C.1/79/L.12/Rev.1</source>
        <translation>p. ex. A/C.1/79/L.12/Rev.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dated</source>
        <translation>Daté</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Negotiation:</source>
        <translation>&amp;Négociation :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Forum:</source>
        <translation>&amp;Enceinte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our &amp;delegation:</source>
        <translation>Notre &amp;délégation :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Symbol:</source>
        <translation>&amp;Cote :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Give the draft a label, such as &apos;Rev.1&apos;.</source>
        <translation>Donnez un libellé au projet, par exemple « Rev.1 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the new negotiation a title.</source>
        <translation>Donnez un titre à la nouvelle négociation.</translation>
    </message>
</context>
<context>
    <name>LegendButton</name>
    <message>
        <location filename="../../ui/flags.py" line="+48"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the icons and marks in the table mean</source>
        <translation>Ce que signifient les icônes et les marques du tableau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend of the table&apos;s icons</source>
        <translation>Légende des icônes du tableau</translation>
    </message>
</context>
<context>
    <name>LegendPopup</name>
    <message>
        <location line="-36"/>
        <source>What the marks in the table mean</source>
        <translation>Ce que signifient les marques du tableau</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../ui/link_dialog.py" line="+35"/>
        <source>Correct the Link of %1</source>
        <translation>Corriger le lien de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which paragraph of %1 does %2 of %3 continue? Positions and notes follow the link, in this draft and the later ones.</source>
        <translation>Quel paragraphe de %1 le %2 de %3 prolonge-t-il ? Les positions et les notes suivent le lien, dans ce projet et les suivants.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It &amp;continues this paragraph of %1:</source>
        <translation>Il &amp;prolonge ce paragraphe de %1 :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is &amp;new in %1 (continues nothing)</source>
        <translation>Il est &amp;nouveau dans %1 (ne prolonge rien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Automatic: as the comparison finds it</source>
        <translation>&amp;Automatique : selon la comparaison</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by number or words</source>
        <translation>Filtrer par numéro ou par mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the paragraphs of the previous draft</source>
        <translation>Filtrer les paragraphes du projet précédent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paragraphs of %1</source>
        <translation>Paragraphes de %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+168"/>
        <source>Negotiations and drafts</source>
        <translation>Négociations et projets</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paragraphs of the draft</source>
        <translation>Paragraphes du projet</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="+34"/>
        <source>C&amp;hanged</source>
        <translation>&amp;Modifiés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs re&amp;view</source>
        <translation>À &amp;réexaminer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bracketed</source>
        <translation>Entre &amp;crochets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Di&amp;vergent</source>
        <translation>Di&amp;vergents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search number or text (Ctrl+F)</source>
        <translation>Rechercher un numéro ou un texte (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search paragraphs</source>
        <translation>Rechercher dans les paragraphes</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+38"/>
        <source>Paragraphs</source>
        <translation>Paragraphes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare drafts</source>
        <translation>Comparer des projets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="+56"/>
        <source>&amp;Open Store…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another negotiation store (a .sqlite file)</source>
        <translation>Ouvrir une autre base de négociation (fichier .sqlite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Draft…</source>
        <translation>&amp;Importer un projet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a draft from a Word or text file</source>
        <translation>Importer un projet depuis un fichier Word ou texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste Draft from Clipboard</source>
        <translation>&amp;Coller un projet depuis le presse-papiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import the text on the clipboard as a draft</source>
        <translation>Importer le texte du presse-papiers comme projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a Word brief or amendments file for this negotiation</source>
        <translation>Écrire une note de synthèse ou un fichier d&apos;amendements Word pour cette négociation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find Paragraph</source>
        <translation>Rec&amp;hercher un paragraphe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare Drafts</source>
        <translation>&amp;Comparer des projets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare two drafts of this negotiation</source>
        <translation>Comparer deux projets de cette négociation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overview Chart</source>
        <translation>&amp;Graphique d&apos;ensemble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brackets, changes and reviews per draft</source>
        <translation>Crochets, modifications et réexamens par projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Demo Negotiation</source>
        <translation>Ouvrir la négociation de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct Paragraph &amp;Link…</source>
        <translation>Corriger le &amp;lien du paragraphe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say which paragraph of the previous draft this one continues</source>
        <translation>Indiquer quel paragraphe du projet précédent celui-ci prolonge</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Paragraphs</source>
        <translation>&amp;Paragraphes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paragraph &amp;Details</source>
        <translation>&amp;Détails du paragraphe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Negotiator</source>
        <translation>À &amp;propos de Negotiator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>Bases &amp;récentes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Negotiation</source>
        <translation>&amp;Négociation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paragraph &amp;Status</source>
        <translation>S&amp;tatut du paragraphe</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running task</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+25"/>
        <source>demo (not saved)</source>
        <translation>démonstration (non enregistrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negotiator – %1</source>
        <translation>Negotiator – %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n negotiation(s) in this store</source>
        <translation>
            <numerusform>%n négociation dans cette base</numerusform>
            <numerusform>%n négociations dans cette base</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_loading.py" line="+71"/>
        <source>Comparing with the previous draft…</source>
        <translation>Comparaison avec le projet précédent…</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Reading positions…</source>
        <translation>Lecture des positions…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not read positions</source>
        <translation>Impossible de lire les positions</translation>
    </message>
    <message>
        <location filename="../../ui/compare_flow.py" line="+65"/>
        <location filename="../../ui/draft_loading.py" line="+128"/>
        <source>Could not compare drafts</source>
        <translation>Impossible de comparer les projets</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="+20"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraphe</numerusform>
            <numerusform>%n paragraphes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/compare_flow.py" line="-4"/>
        <source>Comparing drafts…</source>
        <translation>Comparaison des projets…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+106"/>
        <source>Counting brackets and changes…</source>
        <translation>Décompte des crochets et des modifications…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not draw the chart</source>
        <translation>Impossible de tracer le graphique</translation>
    </message>
    <message>
        <location filename="../../ui/store_flow.py" line="+36"/>
        <source>Open Store</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negotiator stores (*.sqlite *.db);;All files (*)</source>
        <translation>Bases Negotiator (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not open the store</source>
        <translation>Impossible d&apos;ouvrir la base</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="-67"/>
        <source>System Default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../ui/store_flow.py" line="+30"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the demo negotiation…</source>
        <translation>Chargement de la négociation de démonstration…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load the demo</source>
        <translation>Impossible de charger la démonstration</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Welcome to Negotiator</source>
        <translation>Bienvenue dans Negotiator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This store is empty. Open the demo negotiation (a fictional OSCE decision in three drafts) to look around? You can import your own drafts with File &gt; Import Draft (Ctrl+I) at any time.</source>
        <translation>Cette base est vide. Ouvrir la négociation de démonstration (une décision fictive de l&apos;OSCE en trois projets) pour découvrir l&apos;application ? Vous pouvez importer vos propres projets à tout moment avec Fichier &gt; Importer un projet (Ctrl+I).</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="+36"/>
        <source>About Negotiator</source>
        <translation>À propos de Negotiator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Negotiator %1&lt;/b&gt;&lt;p&gt;Drafts, positions and diffs for multilateral text negotiations.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Negotiator %1&lt;/b&gt;&lt;p&gt;Projets, positions et comparaisons pour les négociations multilatérales de textes.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>NegotiationTree</name>
    <message>
        <location filename="../../ui/models/tree.py" line="+22"/>
        <source>Negotiations</source>
        <translation>Négociations</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 · %n draft(s)</source>
        <translation>
            <numerusform>%1 · %n projet</numerusform>
            <numerusform>%1 · %n projets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraphe</numerusform>
            <numerusform>%n paragraphes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bracket(s)</source>
        <translation>
            <numerusform>%n crochet</numerusform>
            <numerusform>%n crochets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from %1&apos;s package, not confirmed</source>
        <translation>du paquet de %1, non confirmé</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../ui/positions_editor.py" line="-40"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a note and press Enter</source>
        <translation>Écrivez une note et appuyez sur Entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Note</source>
        <translation>&amp;Ajouter la note</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <location filename="../../ui/packages.py" line="+126"/>
        <source>Export Positions Pac&amp;kage…</source>
        <translation>Exporter un &amp;paquet de positions…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this negotiation&apos;s positions, notes and drafts to a file for another laptop</source>
        <translation>Enregistrer les positions, notes et projets de cette négociation dans un fichier pour un autre ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge Positions Package…</source>
        <translation>&amp;Fusionner un paquet de positions…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring in the positions from a colleague&apos;s package</source>
        <translation>Reprendre les positions du paquet d&apos;un collègue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resolve Conflicts…</source>
        <translation>&amp;Résoudre les conflits…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions changed on two laptops: choose which version stands</source>
        <translation>Positions modifiées sur deux ordinateurs : choisir la version qui fait foi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Con&amp;firm Draft from Package…</source>
        <translation>Con&amp;firmer un projet reçu dans un paquet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm that a draft a colleague&apos;s package brought matches the chair&apos;s document</source>
        <translation>Confirmer qu&apos;un projet reçu dans le paquet d&apos;un collègue correspond au document de la présidence</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Export Positions Package</source>
        <translation>Exporter un paquet de positions</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Positions packages (*.json);;All files (*)</source>
        <translation>Paquets de positions (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not export %1</source>
        <translation>Impossible d&apos;exporter %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Positions Package Saved</source>
        <translation>Paquet de positions enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge Positions Package into “%1”</source>
        <translation>Fusionner un paquet de positions dans « %1 »</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merging %1…</source>
        <translation>Fusion de %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not merge %1</source>
        <translation>Impossible de fusionner %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is signed by %2, a colleague this store does not trust yet. The key&apos;s fingerprint is:

%3

Call %2 (by phone, not by e-mail) and ask them to read out their fingerprint (negotiator keys). Trust this colleague only if it is the same; nothing is merged otherwise.</source>
        <translation>%1 est signé par %2, un collègue auquel cette base ne fait pas encore confiance. L&apos;empreinte de la clé est :

%3

Appelez %2 (par téléphone, pas par courriel) et demandez-lui de lire son empreinte (negotiator keys). Ne faites confiance à ce collègue que si elle est identique ; sinon rien n&apos;est fusionné.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Trust this colleague?</source>
        <translation>Faire confiance à ce collègue ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust This Colleague and Merge</source>
        <translation>Faire &amp;confiance à ce collègue et fusionner</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Confirm Draft</source>
        <translation>Confirmer le projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” came in %2&apos;s package. Confirm it only after checking it against the chair&apos;s document.</source>
        <translation>« %1 » est arrivé dans le paquet de %2. Ne le confirmez qu&apos;après l&apos;avoir comparé au document de la présidence.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Confirm Draft</source>
        <translation>&amp;Confirmer le projet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirming the draft…</source>
        <translation>Confirmation du projet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not confirm the draft</source>
        <translation>Impossible de confirmer le projet</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Positions Package Merged</source>
        <translation>Paquet de positions fusionné</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <location line="-256"/>
        <source>%1 brought nothing new: this store already holds everything in it.</source>
        <translation>%1 n&apos;apporte rien de nouveau : cette base contient déjà tout ce qu&apos;il renferme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged %1 into “%2”:</source>
        <translation>%1 fusionné dans « %2 » :</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n draft(s) this store did not hold</source>
        <translation>
            <numerusform>%n projet absent de cette base</numerusform>
            <numerusform>%n projets absents de cette base</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new position(s)</source>
        <translation>
            <numerusform>%n nouvelle position</numerusform>
            <numerusform>%n nouvelles positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n position(s) changed</source>
        <translation>
            <numerusform>%n position modifiée</numerusform>
            <numerusform>%n positions modifiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n change(s) added to the history of positions</source>
        <translation>
            <numerusform>%n modification ajoutée à l&apos;historique des positions</numerusform>
            <numerusform>%n modifications ajoutées à l&apos;historique des positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new note(s)</source>
        <translation>
            <numerusform>%n nouvelle note</numerusform>
            <numerusform>%n nouvelles notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n note(s) deleted</source>
        <translation>
            <numerusform>%n note supprimée</numerusform>
            <numerusform>%n notes supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n paragraph status(es) set (agreed, agreed ad ref)</source>
        <translation>
            <numerusform>%n statut de paragraphe fixé (adopté, adopté ad ref)</numerusform>
            <numerusform>%n statuts de paragraphe fixés (adopté, adopté ad ref)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n conflict(s) to resolve: the same position was changed on both laptops. Both versions are kept until you choose one, in the next window.</source>
        <translation>
            <numerusform>%n conflit à résoudre : la même position a été modifiée sur les deux ordinateurs. Les deux versions sont conservées jusqu&apos;à ce que vous en choisissiez une, dans la fenêtre suivante.</numerusform>
            <numerusform>%n conflits à résoudre : les mêmes positions ont été modifiées sur les deux ordinateurs. Les deux versions sont conservées jusqu&apos;à ce que vous en choisissiez une, dans la fenêtre suivante.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n position(s) with their history</source>
        <translation>
            <numerusform>%n position avec son historique</numerusform>
            <numerusform>%n positions avec leur historique</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n paragraph status(es)</source>
        <translation>
            <numerusform>%n statut de paragraphe</numerusform>
            <numerusform>%n statuts de paragraphe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n projet</numerusform>
            <numerusform>%n projets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was saved. It holds what this store records on “%2”:</source>
        <translation>%1 a été enregistré. Il contient ce que cette base consigne sur « %2 » :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send it to your colleague, who brings it in with File &gt; Merge Positions Package…</source>
        <translation>Envoyez-le à votre collègue, qui le reprend avec Fichier &gt; Fusionner un paquet de positions…</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="-269"/>
        <source>Changed on both laptops</source>
        <translation>Modifiée sur les deux ordinateurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken separately on each laptop</source>
        <translation>Prise séparément sur chaque ordinateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Withdrawn</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stance:</source>
        <translation>Position :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amendment:</source>
        <translation>Amendement :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rationale:</source>
        <translation>Justification :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red line:</source>
        <translation>Ligne rouge :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fallback:</source>
        <translation>Repli :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>Priorité :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed by:</source>
        <translation>Modifiée par :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When:</source>
        <translation>Date :</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="+23"/>
        <source>Page of the PDF</source>
        <translation>Page du PDF</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Rendering page %1…</source>
        <translation>Affichage de la page %1…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This page cannot be shown: %1</source>
        <translation>Cette page ne peut pas être affichée : %1</translation>
    </message>
</context>
<context>
    <name>ParagraphModel</name>
    <message>
        <location filename="../../ui/models/paragraphs.py" line="+70"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The paragraph&apos;s reference (PP: preambular, OP: operative)</source>
        <translation>La référence du paragraphe (PP : préambule, OP : dispositif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paragraph&apos;s text; point at it to read it whole</source>
        <translation>Le texte du paragraphe ; pointez-le pour le lire en entier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changed since the previous draft; in bold: a significant wording change (point at it to see which)</source>
        <translation>Ce qui a changé depuis le projet précédent ; en gras : un changement de libellé important (pointez-le pour voir lequel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our delegation&apos;s stance (&quot;Amend&quot;: support with amendments)</source>
        <translation>La position de notre délégation (« Amender » : soutien avec amendements)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coordinated EU stance (&quot;Amend&quot;: support with amendments)</source>
        <translation>La position coordonnée de l’UE (« Amender » : soutien avec amendements)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Red line, divergence from the EU, review, agreement, instructions: see the legend (?)</source>
        <translation>Ligne rouge, divergence avec l’UE, réexamen, accord, instructions : voir la légende (?)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>National</source>
        <translation>National</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EU</source>
        <translation>UE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[ ]</source>
        <translation>[ ]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renumbered</source>
        <translation>Renuméroté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved</source>
        <translation>Déplacé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Scindé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Support</source>
        <translation>Soutien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support with amendments</source>
        <translation>Soutien avec amendements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oppose</source>
        <translation>Opposition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve</source>
        <translation>Réserve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No position</source>
        <translation>Pas de position</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Symbol/date</source>
        <translation>Cote/date</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Square brackets: text not yet agreed</source>
        <translation>Crochets : texte non encore agréé</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Amend</source>
        <translation>Amender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>The square brackets in this paragraph do not pair up</source>
        <translation>Les crochets de ce paragraphe ne s&apos;apparient pas</translation>
    </message>
</context>
<context>
    <name>PositionForm</name>
    <message>
        <location filename="../../ui/positions_editor.py" line="-331"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed in coordination</source>
        <translation>Agréée en coordination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Exprimée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Needs review: the wording changed since this position was taken on %1.</source>
        <translation>À réexaminer : le libellé a changé depuis que cette position a été prise sur %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs review: the paragraph it was taken on (%1) was split.</source>
        <translation>À réexaminer : le paragraphe visé (%1) a été scindé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs review: the paragraph it was taken on (%1) was merged with others.</source>
        <translation>À réexaminer : le paragraphe visé (%1) a été fusionné avec d&apos;autres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paragraph it was taken on (%1) was deleted.</source>
        <translation>Le paragraphe visé (%1) a été supprimé.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>— no position recorded —</source>
        <translation>— aucune position enregistrée —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 stance</source>
        <translation>Position : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exact words we propose, or an edit such as &quot;Replace &apos;should&apos; with &apos;shall&apos;&quot;</source>
        <translation>Libellé exact proposé, ou une modification telle que « Remplacer &apos;should&apos; par &apos;shall&apos; »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Talking points</source>
        <translation>Éléments de langage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What we cannot accept</source>
        <translation>Ce que nous ne pouvons pas accepter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What we could accept instead</source>
        <translation>Ce que nous pourrions accepter à la place</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Stance:</source>
        <translation>&amp;Position :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Priority:</source>
        <translation>Priorité :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amendment:</source>
        <translation>&amp;Amendement :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ra&amp;tionale:</source>
        <translation>&amp;Justification :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Red line:</source>
        <translation>Ligne &amp;rouge :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fallback:</source>
        <translation>&amp;Repli :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amendment</source>
        <translation>Amendement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red line</source>
        <translation>Ligne rouge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fallback</source>
        <translation>Repli</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Version %1, last changed by %2 on %3</source>
        <translation>Version %1, modifiée en dernier par %2 le %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a stance to record a position.</source>
        <translation>Choisissez une position pour l&apos;enregistrer.</translation>
    </message>
</context>
<context>
    <name>PositionsPanel</name>
    <message>
        <location line="+43"/>
        <source>Our delegation</source>
        <translation>Notre délégation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EU line (coordinated)</source>
        <translation>Ligne de l&apos;UE (coordonnée)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Select a paragraph to see and edit positions.</source>
        <translation>Choisissez un paragraphe pour voir et modifier les positions.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every change is saved at once; Ctrl+Z undoes it.</source>
        <translation>Chaque modification est enregistrée aussitôt ; Ctrl+Z l&apos;annule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our delegation: %1</source>
        <translation>Notre délégation : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our delegation (not set for this negotiation)</source>
        <translation>Notre délégation (non définie pour cette négociation)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other delegations</source>
        <translation>Autres délégations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No other delegation has a recorded position here.</source>
        <translation>Aucune autre délégation n&apos;a de position enregistrée ici.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="-332"/>
        <source>Heading</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preambular</source>
        <translation>Préambule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operative</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-paragraph</source>
        <translation>Alinéa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brackets</source>
        <translation>Crochets</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>ServerMode</name>
    <message>
        <location filename="../../ui/server_watch.py" line="+101"/>
        <source>Connect to &amp;Server…</source>
        <translation>Se connecter à un ser&amp;veur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open your delegation&apos;s shared store on a PostgreSQL server</source>
        <translation>Ouvrir la base partagée de votre délégation sur un serveur PostgreSQL</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Acting for %1 as %2</source>
        <translation>Pour %1, en tant que %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator %1</source>
        <translation>Administrateur %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Colleagues&apos; changes arrived</source>
        <translation>Des modifications de collègues sont arrivées</translation>
    </message>
</context>
<context>
    <name>TrackedChangesQuestion</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="+35"/>
        <source>Tracked changes in %1</source>
        <translation>Modifications suivies dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 contains tracked changes (open revisions).</source>
        <translation>%1 contient des modifications suivies (révisions non acceptées).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the text with every change accepted (as the chair proposes it), or with every change rejected (the text before the revisions)?</source>
        <translation>Importer le texte avec toutes les modifications acceptées (tel que la présidence le propose), ou toutes refusées (le texte d’avant les révisions) ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept All Changes</source>
        <translation>&amp;Accepter toutes les modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject All Changes</source>
        <translation>&amp;Refuser toutes les modifications</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../ui/undo.py" line="+93"/>
        <source>Undo %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add note</source>
        <translation>Ajouter une note</translation>
    </message>
</context>
</TS>
