import re
import pytest

@pytest.mark.django_db
def test_smoke(client):
    for url in ["/fr/", "/en/", "/fr/charte/", "/en/charter/", "/fr/accounts/login/", "/en/accounts/login/", "/fr/nope/", "/fr/association/"]:
        r = client.get(url)
        html = r.content.decode()
        print(url, r.status_code, re.findall(r'<html lang="[^"]*"', html), re.findall(r'<a href="[^"]*" hreflang="[^"]*"', html))
    r = client.get("/fr/nope/")
    print(r.content.decode()[-1500:])
