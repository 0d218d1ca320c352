"""Account URLs, under the language prefix: login, password links, two-factor, Security,
reading comfort."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", views.verify, name="two_factor_verify"),
    path("accounts/security/", views.security, name="account_security"),
    path("accounts/reading/", views.reading_comfort, name="reading_comfort"),
    path("accounts/security/two-factor/setup/", views.setup, name="two_factor_setup"),
    path("accounts/security/two-factor/off/", views.disable, name="two_factor_disable"),
    path("accounts/security/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("accounts/security/password/", views.PasswordChangeView.as_view(), name="password_change"),
    # A forgotten password, an invitation: a link by e-mail, the member chooses.
    path(
        "accounts/password/forgotten/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/forgotten/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/choose/<uidb64>/<token>/",
        views.PasswordLinkView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/welcome/<uidb64>/<token>/",
        views.InvitationView.as_view(),
        name="invitation_confirm",
    ),
    path(
        "accounts/password/chosen/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
