## The identity's expiry: renewing the key, and the warnings before it expires.

## renew: the command's help
cli-renew-about = De geldigheid van uw sleutel verlengen vóór hij verloopt (of erna): dezelfde sleutel, dezelfde vingerafdruk
cli-renew-arg-years = Hoeveel jaar vanaf vandaag de sleutel geldig blijft (1 tot 5; standaard 3)
cli-renew-arg-output = De verlengde publieke sleutel naar BESTAND schrijven (een nieuw bestand) in plaats van naar my-public-key.asc in de outbox
cli-value-years = JAREN

## renew: what it says
renew-done = Uw sleutel is verlengd: geldig tot { $date }. Het is dezelfde sleutel, met dezelfde vingerafdruk.
renew-done-was-expired = Hij was verlopen op { $previous }; u kunt weer versturen.
renew-key-written = De bijgewerkte publieke sleutel staat in { $path }
renew-next-contacts = Volgende stap: stuur dat bestand naar uw contacten (of maak er een met: carepost export-key -o BESTAND). Hun kopie van uw sleutel vermeldt nog { $previous } tot ze hem toevoegen met carepost contact update. Hun verificatie van u blijft geldig: ze hoeven u niet opnieuw te bellen.
renew-next-publish = Publiceert uw praktijk sleutels in een Web Key Directory of op een sleutelserver, publiceer dan opnieuw: carepost publish wkd --out MAP, of carepost publish keyserver.
renew-years-range = het aantal jaren moet tussen 1 en { $max } liggen
renew-signing-subkey = hij heeft een subsleutel die ondertekent, en die kan carepost niet verlengen; verleng hem met het programma dat hem gemaakt heeft
renew-before-creation = de nieuwe vervaldatum zou vóór het maken van de sleutel liggen: controleer de datum en tijd van de computer

## renew: the warning before every command
renew-warning-soon = uw eigen sleutel verloopt op { $date } (over { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }). Verleng hem nu, het duurt een minuut: carepost renew
renew-warning-expired = uw eigen sleutel is verlopen op { $date }. U kunt geen documenten versturen tot u hem verlengt: carepost renew

## renew: refusals
error-renew-expired = uw eigen sleutel is verlopen op { $date }: er kan niets mee ondertekend of verstuurd worden tot hij verlengd is
hint-renew-expired = voer uit: carepost renew. Dat houdt dezelfde sleutel en vingerafdruk, dus de verificaties van uw contacten blijven geldig; stuur hun daarna de bijgewerkte sleutel (carepost export-key). Ontvangen documenten kunt u nog steeds openen.
error-renew-revoked = uw sleutel is ingetrokken, en een ingetrokken sleutel kan niet verlengd worden
hint-renew-revoked = een ingetrokken sleutel blijft ingetrokken; maak een nieuwe identiteit en geef contacten de nieuwe sleutel
error-renew-shorter = uw sleutel is al geldig tot { $current }, later dan de { $asked } die u vroeg
hint-renew-shorter = er is niets veranderd; verleng dichter bij de datum, of vraag meer jaren met --years
