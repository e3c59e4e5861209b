"""The sponsor letter composer: letters list, form, milestones table, live preview, printing."""
