"""The People area of the editing space: coordinators manage member accounts by role name.

``rules`` says who may do what to whom, ``forms`` and ``views`` apply it, ``audit`` records
every change of roles, superuser status and activation, whatever path made it.
"""
