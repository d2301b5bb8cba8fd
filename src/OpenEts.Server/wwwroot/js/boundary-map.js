// The project page's boundary map: draws the boundary GeoJSON in data-geojson with Leaflet (vendored under
// /lib/leaflet, no CDN) on a plain background, no tile server, so it works offline. Without JavaScript the SVG drawing
// beside it stays.
(function () {
    'use strict';
    var el = document.getElementById('boundary-leaflet');
    if (!el || typeof L === 'undefined') {
        return;
    }
    var shape = JSON.parse(el.getAttribute('data-geojson'));
    el.hidden = false;
    var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
    var layer = L.geoJSON(shape, { style: { color: '#2d6a4f', weight: 2, fillColor: '#7fb069', fillOpacity: 0.55 } }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [20, 20] });
    el.setAttribute('data-drawn', String(layer.getLayers().length));
    var svg = document.getElementById('boundary-map');
    if (svg) {
        svg.setAttribute('hidden', '');
        svg.style.display = 'none';
    }
}());
